using System.Threading.Channels;
using Soc.Collector.Configuration;
using Soc.Collector.Inputs.Syslog;
using Soc.Collector.Records;
using Soc.Collector.Shipping;

// soc-collector --config <file> [--check]
var configIndex = Array.IndexOf(args, "--config");
if (configIndex < 0 || configIndex + 1 >= args.Length)
{
    Console.Error.WriteLine("usage: soc-collector --config <file> [--check]");
    return 2;
}

var (options, errors) = CollectorConfigLoader.Load(args[configIndex + 1]);
if (options is null)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine(error);
    }

    return 1;
}

if (args.Contains("--check"))
{
    Console.WriteLine("configuration is valid");
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

var channel = Channel.CreateBounded<CollectorRecord>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });
using var http = new HttpClient();
var tasks = options.Inputs.Select(i => new TcpSyslogInput(i, options, channel.Writer).RunAsync(stop.Token)).ToList();
tasks.Add(new HttpShipper(options.Center, channel.Reader, http).RunAsync(stop.Token));
try
{
    await Task.WhenAll(tasks).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    // normal shutdown
}

return 0;
