using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Soc.Collector.Framing;
using Soc.Collector.Inputs;
using Soc.Collector.Inputs.Syslog;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Inputs.Syslog;

public sealed class TcpSyslogInputTests
{
    [Fact]
    public async Task ReceivesNewlineFramedMessagesFromLogger()
    {
        var writer = new InMemoryRecordWriter();
        var input = new TcpSyslogInput(Options("127.0.0.1:0"), "collector-host");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port.ToString(CultureInfo.InvariantCulture);

        await LoggerCli.SendAsync("--tcp", "-n", "127.0.0.1", "-P", port, "--rfc3164", "-t", "soctest", "first message");
        await LoggerCli.SendAsync("--tcp", "-n", "127.0.0.1", "-P", port, "--rfc5424", "-t", "soctest", "second message");

        var records = await writer.WaitForAsync(2);
        Assert.Matches(@"^<13>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ soctest: first message$", records[0].Message);
        Assert.Matches(@"^<13>1 \S+ \S+ soctest - - .* second message$", records[1].Message);
        Assert.All(records, r =>
        {
            Assert.Equal("", r.Id);
            Assert.Equal("syslog", r.SourceType);
            Assert.Equal("collector-host", r.Host);
            Assert.Equal($"tcp://127.0.0.1:{port}", r.Source);
            Assert.Equal("Asia/Ho_Chi_Minh", r.TimeZone);
            Assert.Equal("127.0.0.1", r.Peer);
            Assert.False(TruncationMark.IsTruncated(r));
        });
    }

    [Fact]
    public async Task ReceivesOctetCountedMessagesFromLogger()
    {
        var writer = new InMemoryRecordWriter();
        var input = new TcpSyslogInput(Options("127.0.0.1:0"), "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port.ToString(CultureInfo.InvariantCulture);

        await LoggerCli.SendAsync("--tcp", "--octet-count", "-n", "127.0.0.1", "-P", port, "--rfc5424", "-t", "soctest", "counted message");
        await LoggerCli.SendAsync("--tcp", "--octet-count", "-n", "127.0.0.1", "-P", port, "--rfc3164", "-t", "soctest", "line one\nstill the same message");

        var records = await writer.WaitForAsync(2);
        Assert.Matches(@"^<13>1 .* counted message$", records[0].Message);
        Assert.EndsWith("soctest: line one\nstill the same message", records[1].Message, StringComparison.Ordinal);
        Assert.Equal(0, input.Stats.Malformed);
    }

    [Fact]
    public async Task AcceptsIpv4AndIpv6OnADualStackListener()
    {
        var writer = new InMemoryRecordWriter();
        var input = new TcpSyslogInput(Options("[::]:0"), "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port;

        await SendRawAsync(IPAddress.IPv6Loopback, port, "<13>over ipv6\n");
        await SendRawAsync(IPAddress.Loopback, port, "<13>over ipv4\n");
        await LoggerCli.SendAsync("--tcp", "-n", "::1", "-P", port.ToString(CultureInfo.InvariantCulture), "-t", "soctest", "logger over ipv6");

        var records = await writer.WaitForAsync(3);
        Assert.Contains(records, r => r.Message == "<13>over ipv6" && r.Peer == "::1");
        Assert.Contains(records, r => r.Message == "<13>over ipv4" && r.Peer == "127.0.0.1");
        Assert.Contains(records, r => r.Message.EndsWith("logger over ipv6", StringComparison.Ordinal) && r.Peer == "::1");
        Assert.All(records, r => Assert.Equal($"tcp://[::]:{port}", r.Source));
    }

    [Fact]
    public async Task MarksOverlongMessagesTruncatedInsteadOfDroppingThem()
    {
        var writer = new InMemoryRecordWriter();
        var options = Options("127.0.0.1:0");
        options.MaxMessageBytes = 256;
        var input = new TcpSyslogInput(options, "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port;
        var big = "<13>" + new string('x', 1000);

        await SendRawAsync(IPAddress.Loopback, port, big + "\n<13>after\n");
        await SendRawAsync(IPAddress.Loopback, port, $"1004 {big}9 <13>after");

        var records = await writer.WaitForAsync(4);
        foreach (var i in new[] { 0, 2 })
        {
            Assert.Equal(big[..256], records[i].Message);
            Assert.True(TruncationMark.IsTruncated(records[i]));
            Assert.Equal($"tcp://127.0.0.1:{port}", records[i].Source);
            Assert.Equal("<13>after", records[i + 1].Message);
            Assert.False(TruncationMark.IsTruncated(records[i + 1]));
        }

        Assert.Equal(2, input.Stats.Truncated);
    }

    [Fact]
    public async Task DetectsFramingPerConnectionAndShipsAnUnterminatedLastMessage()
    {
        var writer = new InMemoryRecordWriter();
        var input = new TcpSyslogInput(Options("127.0.0.1:0"), "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port;

        await SendRawAsync(IPAddress.Loopback, port, "5 <13>a5 <13>b");
        var records = await writer.WaitForAsync(2);
        await SendRawAsync(IPAddress.Loopback, port, "2024-01-01 is a line\n<13>no newline at the end");

        records = await writer.WaitForAsync(4);
        Assert.Equal(["<13>a", "<13>b", "2024-01-01 is a line", "<13>no newline at the end"], records.Select(r => r.Message));
        Assert.Equal(1, input.Stats.Malformed);
    }

    [Fact]
    public async Task ReportsAPortInUseThroughBoundAndRunAsync()
    {
        var writer = new InMemoryRecordWriter();
        var first = new TcpSyslogInput(Options("127.0.0.1:0"), "h");
        await using var run = new RunningInput(first, writer);
        var port = (await first.Bound).Port;
        var second = new TcpSyslogInput(Options($"127.0.0.1:{port}"), "h");

        var failed = second.RunAsync(writer, CancellationToken.None);

        await Assert.ThrowsAsync<SocketException>(() => second.Bound);
        await Assert.ThrowsAsync<SocketException>(() => failed);
    }

    [Fact]
    public void ValidateReportsEveryProblem()
    {
        var options = new SyslogInputOptions
        {
            Listen = "nowhere",
            SourceType = "",
            TimeZone = "Mars/Olympus",
            MaxMessageBytes = 1,
            Transport = SyslogTransport.Tls,
            TlsClientCaFile = "/nonexistent/ca.pem",
        };

        var errors = options.Validate();

        Assert.Equal(6, errors.Count);
        Assert.Empty(Options("[::]:5514").Validate());
        Assert.Equal(FramingMode.Detect, new SyslogInputOptions().Framing);
    }

    internal static SyslogInputOptions Options(string listen) => new() { Listen = listen };

    internal static async Task SendRawAsync(IPAddress address, int port, string text)
    {
        using var client = new TcpClient(address.AddressFamily);
        await client.ConnectAsync(address, port);
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(text));
    }
}
