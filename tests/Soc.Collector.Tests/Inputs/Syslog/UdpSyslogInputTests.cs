using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Soc.Collector.Inputs;
using Soc.Collector.Inputs.Syslog;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Inputs.Syslog;

public sealed class UdpSyslogInputTests
{
    [Fact]
    public async Task ReceivesDatagramsFromLoggerOnIpv4AndIpv6()
    {
        var writer = new InMemoryRecordWriter();
        var input = new UdpSyslogInput(new SyslogInputOptions { Transport = SyslogTransport.Udp, Listen = "[::]:0", SourceType = "cisco.asa" }, "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port.ToString(CultureInfo.InvariantCulture);

        await LoggerCli.SendAsync("--udp", "-n", "127.0.0.1", "-P", port, "--rfc3164", "-t", "soctest", "udp three one six four");
        await LoggerCli.SendAsync("--udp", "-n", "::1", "-P", port, "--rfc5424", "-t", "soctest", "udp five four two four");

        var records = await writer.WaitForAsync(2);
        var v4 = Assert.Single(records, r => r.Message.EndsWith("soctest: udp three one six four", StringComparison.Ordinal));
        Assert.Equal("127.0.0.1", v4.Peer);
        var v6 = Assert.Single(records, r => r.Message.EndsWith("udp five four two four", StringComparison.Ordinal));
        Assert.StartsWith("<13>1 ", v6.Message, StringComparison.Ordinal);
        Assert.Equal("::1", v6.Peer);
        Assert.All(records, r => Assert.Equal($"udp://[::]:{port}", r.Source));
        Assert.All(records, r => Assert.Equal("cisco.asa", r.SourceType));
    }

    [Fact]
    public async Task MarksOverlongDatagramsTruncatedAndCountsWhatAFullQueueRefused()
    {
        var writer = new InMemoryRecordWriter(capacity: 2);
        var input = new UdpSyslogInput(new SyslogInputOptions { Transport = SyslogTransport.Udp, Listen = "127.0.0.1:0", MaxMessageBytes = 300 }, "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port;
        using var client = new UdpClient(AddressFamily.InterNetwork);

        var big = "<13>" + new string('y', 2000);
        await client.SendAsync(Encoding.UTF8.GetBytes(big), new IPEndPoint(IPAddress.Loopback, port));
        await client.SendAsync("<13>short\n"u8.ToArray(), new IPEndPoint(IPAddress.Loopback, port));
        var records = await writer.WaitForAsync(2);

        Assert.Equal(big[..300], records[0].Message);
        Assert.True(TruncationMark.IsTruncated(records[0]));
        Assert.Equal("<13>short", records[1].Message);

        await client.SendAsync("<13>no room\n"u8.ToArray(), new IPEndPoint(IPAddress.Loopback, port));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (input.Stats.Dropped == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, input.Stats.Dropped);
        Assert.Equal(2, writer.Records.Count);
    }
}
