using System.Net;
using System.Runtime.InteropServices;
using Soc.Collector.Buffering;
using Soc.Collector.Configuration;
using Soc.Collector.Shipping;
using Soc.Collector.Telemetry;

// soc-collector --config <file> [--check]
var configIndex = Array.IndexOf(args, "--config");
if (configIndex < 0 || configIndex + 1 >= args.Length)
{
    Console.Error.WriteLine("usage: soc-collector --config <file> [--check]");
    return 2;
}

var configPath = args[configIndex + 1];
var factory = InputFactory.CreateDefault();
var config = CollectorConfigLoader.Load(configPath, factory);
if (!config.IsValid)
{
    foreach (var error in config.Errors)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine($"{config.Errors.Count} error(s) in {configPath}");
    return 1;
}

var options = config.Options!;
if (args.Contains("--check"))
{
    Console.WriteLine($"{configPath}: configuration is valid ({config.Inputs.Count} inputs, center {string.Join(", ", options.Center.Urls)})");
    return 0;
}

// Stop on SIGTERM/SIGINT (systemd, Ctrl+C); reload inputs on SIGHUP.
using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
var reloads = System.Threading.Channels.Channel.CreateBounded<bool>(1);
using var onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => { context.Cancel = true; reloads.Writer.TryWrite(true); });
if (HangupSignal.IsIgnored())
{
    CollectorLog.Warning("SIGHUP is ignored by this process (started under nohup?): a config reload needs a restart");
}

var time = TimeProvider.System;
var metrics = new CollectorMetrics();
using var queue = DiskQueue.Open(options.QueueDirectory, options.Queue, options.Id, time);
using var http = CenterHttpClientFactory.Create(options.Center);
using var shipper = new HttpShipper(queue, options.Center, http, new DeadLetterWriter(options.DeadLetterDirectory, time), metrics.Shipping, time, Random.Shared);
var heartbeat = new HeartbeatSender(options, http, metrics, queue, time);
var background = new List<Task> { shipper.RunAsync(stop.Token), HeartbeatUntilStoppedAsync() };
if (options.Metrics.Listen.Length > 0)
{
    background.Add(new MetricsServer(IPEndPoint.Parse(options.Metrics.Listen), queue, metrics, time).RunAsync(stop.Token));
}

await using var inputs = new InputRunner(queue, metrics, time);
inputs.Start(config.Inputs);
CollectorLog.Info($"soc-collector {options.Id} started: {config.Inputs.Count} inputs, queue {options.QueueDirectory} ({queue.Depth} records waiting)");

var reloading = ReloadOnSighupAsync();
var first = await Task.WhenAny([reloading, .. background]).ConfigureAwait(false);
if (first.IsFaulted)
{
    // Crash-only: a broken shipper or queue ends the process; systemd restarts it and recovery replays
    // everything after the checkpoint.
    CollectorLog.Error($"soc-collector stopping after an unexpected error: {first.Exception?.GetBaseException()}");
    await stop.CancelAsync().ConfigureAwait(false);
    await inputs.StopAsync().ConfigureAwait(false);
    return 1;
}

await inputs.StopAsync().ConfigureAwait(false);
await Task.WhenAll(background).ConfigureAwait(false);
CollectorLog.Info($"soc-collector stopped; {queue.Depth} records wait in the queue for the next start");
return 0;

async Task ReloadOnSighupAsync()
{
    try
    {
        await foreach (var _ in reloads.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
        {
            var reloaded = CollectorConfigLoader.Load(configPath, factory);
            if (!reloaded.IsValid)
            {
                CollectorLog.Error($"reload refused, keeping the running config: {string.Join("; ", reloaded.Errors)}");
                continue;
            }

            // Inputs restart with the new config; the queue, its checkpoint and the shipper stay as they are.
            await inputs.ReplaceAsync(reloaded.Inputs).ConfigureAwait(false);
            CollectorLog.Info($"reloaded {configPath}: {reloaded.Inputs.Count} inputs (center, queue and metrics changes need a restart)");
        }
    }
    catch (OperationCanceledException)
    {
        // SIGTERM: fall through to an orderly stop.
    }
}

// The heartbeat never ends the collector: this task, like the others in `background`, ends only with the
// stop (a heartbeat turned off returns at once, and an early end here would read as the collector's end).
async Task HeartbeatUntilStoppedAsync()
{
    await heartbeat.RunAsync(stop.Token).ConfigureAwait(false);
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException)
    {
        // SIGTERM.
    }
}
