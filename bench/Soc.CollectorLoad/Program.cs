using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Soc.CollectorLoad;

// dotnet run -c Release --project bench/Soc.CollectorLoad -- <path to published soc-collector> [lines] [connections]
// Drives a real collector process: TCP syslog in -> disk queue -> shipping to a local counting sink.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Soc.CollectorLoad <soc-collector binary or .dll> [lines=1000000] [connections=2]");
    return 2;
}

var collectorPath = Path.GetFullPath(args[0]);
var totalLines = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var work = Directory.CreateTempSubdirectory("soc-collector-load-").FullName;
await using var sink = new CountingSink();
await sink.StartAsync();
var syslogPort = FreePort();
var metricsPort = FreePort();
var config = Path.Combine(work, "collector.yml");
File.WriteAllText(config, $"""
    id: load
    host: load-host
    dataDir: {Path.Combine(work, "data")}
    center:
      urls: [http://127.0.0.1:{sink.Port}/]
      apiKey: load
      maxBatchRecords: 5000
      maxBatchBytes: 4194304
      flushIntervalMilliseconds: 200
    queue:
      maxQueueBytes: 4294967296
      segmentBytes: 33554432
    metrics:
      listen: 127.0.0.1:{metricsPort}
    inputs:
      - type: syslog_tcp
        listen: 127.0.0.1:{syslogPort}
        timeZone: UTC
    """);

var start = new ProcessStartInfo(collectorPath.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : collectorPath) { RedirectStandardError = true };
if (collectorPath.EndsWith(".dll", StringComparison.Ordinal))
{
    start.ArgumentList.Add(collectorPath);
}

// COLLECTOR_DOTNET_GCgen0size=... in our environment becomes DOTNET_GCgen0size=... for the collector only.
foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(e => ((string)e.Key, (string?)e.Value)))
{
    if (name.StartsWith("COLLECTOR_", StringComparison.Ordinal))
    {
        start.Environment[name["COLLECTOR_".Length..]] = value;
    }
}

start.ArgumentList.Add("--config");
start.ArgumentList.Add(config);
using var collector = Process.Start(start)!;
collector.ErrorDataReceived += (_, _) => { };
collector.BeginErrorReadLine();
await WaitForPortAsync(syslogPort);
var pid = collector.Id;
Console.WriteLine($"collector pid {pid}, RSS at start {ProcessSampler.RssMiB(pid):0.0} MiB");

// 1. Idle CPU: nothing flowing for 20 s.
await Task.Delay(TimeSpan.FromSeconds(5));
var idleCpu = await CpuPercentAsync(pid, TimeSpan.FromSeconds(20));
Console.WriteLine($"idle: CPU {idleCpu:0.00} % of one core, RSS {ProcessSampler.RssMiB(pid):0.0} MiB");

// 2. Steady 5,000 records/s for 30 s.
var steadyLines = 5_000 * 30;
var peakRss = 0.0;
var cpuBefore = ProcessSampler.CpuSeconds(pid);
var clock = Stopwatch.StartNew();
var sampler = Task.Run(async () =>
{
    while (clock.Elapsed < TimeSpan.FromSeconds(31))
    {
        peakRss = Math.Max(peakRss, ProcessSampler.RssMiB(pid));
        await Task.Delay(250);
    }
});
await SendAsync(syslogPort, 0, steadyLines, 1, linesPerSecond: 5_000);
await WaitForSinkAsync(sink, steadyLines);
await sampler;
var steadyCpu = (ProcessSampler.CpuSeconds(pid) - cpuBefore) / clock.Elapsed.TotalSeconds * 100;
Console.WriteLine($"steady 5,000 rec/s for {clock.Elapsed.TotalSeconds:0.0} s: CPU {steadyCpu:0.0} % of one core, peak RSS {peakRss:0.0} MiB ({ProcessSampler.RssBreakdown(pid)} after)");

// 3. Flat out: totalLines over N connections, timed until the sink has every record.
var baseline = sink.Records;
peakRss = 0;
cpuBefore = ProcessSampler.CpuSeconds(pid);
clock.Restart();
var peakSampler = Task.Run(async () =>
{
    while (sink.Records < baseline + totalLines)
    {
        peakRss = Math.Max(peakRss, ProcessSampler.RssMiB(pid));
        await Task.Delay(250);
    }
});
await SendAsync(syslogPort, steadyLines, totalLines, connections, linesPerSecond: 0);
var sentSeconds = clock.Elapsed.TotalSeconds;
await WaitForSinkAsync(sink, baseline + totalLines);
await peakSampler;
var seconds = clock.Elapsed.TotalSeconds;
var burstCpu = (ProcessSampler.CpuSeconds(pid) - cpuBefore) / seconds * 100;
Console.WriteLine($"flat out: {totalLines:N0} records over {connections} TCP connections, accepted in {sentSeconds:0.0} s ({totalLines / sentSeconds:N0} rec/s in), " +
    $"all at the sink after {seconds:0.0} s ({totalLines / seconds:N0} rec/s end to end); CPU {burstCpu:0} % of one core, peak RSS {peakRss:0.0} MiB");

// 4. Center down: records pile up on disk, memory must stay flat; then the backlog drains.
sink.Down = true;
baseline = sink.Records;
var downLines = Math.Min(totalLines, 500_000);
var rssBeforeDown = ProcessSampler.RssMiB(pid);
clock.Restart();
await SendAsync(syslogPort, steadyLines + totalLines, downLines, connections, linesPerSecond: 0);
await Task.Delay(TimeSpan.FromSeconds(10));
var rssDown = ProcessSampler.RssMiB(pid);
sink.Down = false;
clock.Restart();
await WaitForSinkAsync(sink, baseline + downLines);
Console.WriteLine($"center down: {downLines:N0} records queued on disk, RSS {rssBeforeDown:0.0} MiB before -> {rssDown:0.0} MiB after 10 s of retrying; " +
    $"backlog drained in {clock.Elapsed.TotalSeconds:0.0} s once the center answered again");

collector.Kill();
await collector.WaitForExitAsync();
Directory.Delete(work, recursive: true);
return 0;

static async Task SendAsync(int port, int first, int count, int connections, int linesPerSecond)
{
    var perConnection = count / connections;
    var tasks = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        var buffer = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var from = first + (c * perConnection);
        var n = c == connections - 1 ? count - (perConnection * (connections - 1)) : perConnection;
        for (var i = 0; i < n; i++)
        {
            buffer.Append(CultureInfo.InvariantCulture, $"<86>Nov 22 03:00:00 web01 sshd[4242]: Accepted publickey for deploy from 10.0.{c}.7 port 52{i % 1000:D3} ssh2: RSA SHA256:load{from + i}\n");
            if (buffer.Length >= 32 * 1024)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(buffer.ToString()));
                buffer.Clear();
                if (linesPerSecond > 0)
                {
                    var due = TimeSpan.FromSeconds((double)(i + 1) * connections / linesPerSecond);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed);
                    }
                }
            }
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(buffer.ToString()));
    }));
    await Task.WhenAll(tasks);
}

static async Task WaitForSinkAsync(CountingSink sink, long expected)
{
    while (sink.Records < expected)
    {
        await Task.Delay(20);
    }
}

static async Task<double> CpuPercentAsync(int pid, TimeSpan window)
{
    var before = ProcessSampler.CpuSeconds(pid);
    await Task.Delay(window);
    return (ProcessSampler.CpuSeconds(pid) - before) / window.TotalSeconds * 100;
}

static async Task WaitForPortAsync(int port)
{
    for (var attempt = 0; attempt < 200; attempt++)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException)
        {
            await Task.Delay(50);
        }
    }

    throw new InvalidOperationException($"collector did not listen on {port}");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
