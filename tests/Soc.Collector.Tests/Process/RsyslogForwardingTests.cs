using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Soc.Collector.Tests.Support;
using SystemProcess = System.Diagnostics.Process;

namespace Soc.Collector.Tests.Process;

/// <summary>
/// Debian's rsyslogd, the usual sender at an agency, as a child process in the foreground: it receives lines from
/// util-linux <c>logger</c> on its own imtcp port and forwards them with <c>omfwd</c> over TCP to the real collector
/// process, once with traditional LF framing and once with RFC 6587 octet counting. The sink must hold every line
/// with rsyslog's formatting intact (priority, tag, text).
/// </summary>
public sealed partial class RsyslogForwardingTests
{
    private const string Rsyslogd = "/usr/sbin/rsyslogd";
    private const int Lines = 500;

    [Theory]
    [InlineData("traditional", "RSYSLOG_TraditionalForwardFormat")]
    [InlineData("octet-counted", "RSYSLOG_SyslogProtocol23Format")]
    public async Task RsyslogForwardsEveryLineToTheCollectorWithItsContent(string framing, string template)
    {
        Assert.True(File.Exists(Rsyslogd), $"{Rsyslogd} is missing: install the Debian package rsyslog (apt-get install -y rsyslog); this test needs the real daemon");
        using var dir = new TempDirectory();
        await using var sink = new IngestSink();
        await sink.StartAsync();
        var syslogPort = CollectorProcess.FreePort();
        var metricsPort = CollectorProcess.FreePort();
        var config = CollectorConfigFile.Write(dir.Path, sink.Url, syslogPort, metricsPort);
        using var collector = CollectorProcess.Start("--config", config);
        await Eventually.TrueAsync(() => CanConnect(syslogPort) || collector.HasExited, "the collector's syslog port accepting");
        Assert.False(collector.HasExited, "collector exited: " + collector.Output);

        var rsyslogPort = CollectorProcess.FreePort();
        var conf = dir.Combine("rsyslog.conf");
        Directory.CreateDirectory(dir.Combine("rsyslog-work"));
        File.WriteAllText(conf, string.Create(CultureInfo.InvariantCulture, $"""
            global(workDirectory="{dir.Combine("rsyslog-work")}")
            module(load="imtcp")
            input(type="imtcp" address="127.0.0.1" port="{rsyslogPort}")
            *.* action(type="omfwd" target="127.0.0.1" port="{syslogPort}" protocol="tcp"
                       TCP_Framing="{framing}" template="{template}" action.resumeRetryCount="-1")

            """));
        using var rsyslog = StartRsyslog(conf, dir.Combine("rsyslogd.pid"));
        try
        {
            await Eventually.TrueAsync(() => CanConnect(rsyslogPort) || rsyslog.Process.HasExited, "rsyslogd's imtcp port accepting");
            Assert.False(rsyslog.Process.HasExited, "rsyslogd exited: " + rsyslog.Output);

            var marker = $"rsyslog-{framing}";
            await SendWithLoggerAsync(rsyslogPort, Enumerable.Range(0, Lines).Select(i => $"{marker} line {i:D4} ünïcode"));
            var expected = Enumerable.Range(0, Lines).Select(i => $"{marker} line {i:D4} ünïcode").ToHashSet(StringComparer.Ordinal);
            await Eventually.TrueAsync(
                () => sink.Messages.Count(m => m.Contains(marker, StringComparison.Ordinal)) >= Lines,
                $"{Lines} forwarded lines at the sink",
                timeoutSeconds: 120);

            var received = sink.Messages.Where(m => m.Contains(marker, StringComparison.Ordinal)).ToList();
            var shape = framing == "traditional" ? TraditionalLine() : Rfc5424Line();
            foreach (var message in received)
            {
                var match = shape.Match(message);
                Assert.True(match.Success, $"not the {template} shape with priority 12 and tag soctest: '{message}'");
                Assert.True(expected.Remove(match.Groups["text"].Value), $"unexpected or repeated text: '{match.Groups["text"].Value}'");
            }

            Assert.Empty(expected);
        }
        finally
        {
            rsyslog.Stop();
        }
    }

    // <PRI>Mmm dd hh:mm:ss host tag text   (RSYSLOG_TraditionalForwardFormat; logger sends RFC 5424, so the tag is
    // the APP-NAME, without the colon an RFC 3164 sender would have put there)
    [GeneratedRegex(@"^<12>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ soctest(\[\d+\])?:? (?<text>.*)$")]
    private static partial Regex TraditionalLine();

    // <PRI>1 timestamp host app procid msgid structured-data text   (RSYSLOG_SyslogProtocol23Format)
    [GeneratedRegex(@"^<12>1 \d{4}-\d\d-\d\dT\S+ \S+ soctest \S+ \S+ (-|\[.*\]) ?(?<text>.*)$")]
    private static partial Regex Rfc5424Line();

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>One logger process reading the lines from stdin: each becomes one message to rsyslog over TCP.</summary>
    private static async Task SendWithLoggerAsync(int port, IEnumerable<string> lines)
    {
        var start = new ProcessStartInfo("logger") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--tcp", "-n", "127.0.0.1", "-P", port.ToString(CultureInfo.InvariantCulture), "-t", "soctest", "-p", "user.warning" })
        {
            start.ArgumentList.Add(argument);
        }

        using var logger = SystemProcess.Start(start) ?? throw new InvalidOperationException("logger did not start");
        var stderr = logger.StandardError.ReadToEndAsync();
        foreach (var line in lines)
        {
            await logger.StandardInput.WriteLineAsync(line);
        }

        logger.StandardInput.Close();
        await logger.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(logger.ExitCode == 0, "logger failed: " + await stderr);
    }

    private static RunningRsyslog StartRsyslog(string conf, string pidFile)
    {
        var start = new ProcessStartInfo(Rsyslogd) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-n", "-f", conf, "-i", pidFile })
        {
            start.ArgumentList.Add(argument);
        }

        return new RunningRsyslog(SystemProcess.Start(start) ?? throw new InvalidOperationException("rsyslogd did not start"));
    }

    /// <summary>rsyslogd in the foreground, its output kept for failure messages.</summary>
    private sealed class RunningRsyslog : IDisposable
    {
        private readonly System.Text.StringBuilder _output = new();

        public RunningRsyslog(SystemProcess process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public SystemProcess Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public void Stop()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }

            Process.WaitForExit();
        }

        public void Dispose()
        {
            Stop();
            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
