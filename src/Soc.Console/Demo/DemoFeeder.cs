using System.Globalization;
using Soc.Console.Pipeline;
using Soc.Console.Storage.Sqlite;
using Soc.Detection.Events;

namespace Soc.Console.Demo;

/// <summary>
/// <c>--demo</c>: feeds the sample log lines in Demo/demo.log through the real pipeline, as if an agency's
/// collector sent them, so a newcomer sees incidents within a minute. The lines are re-stamped with the
/// current time; they go to the agency <c>demo</c>.
/// </summary>
public sealed class DemoFeeder(IngestPipeline pipeline, SqliteStore store, ILogger<DemoFeeder> logger) : BackgroundService
{
    public const string AgencyId = "demo";
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById(RawRecord.DefaultTimeZone);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store.FindAgency(AgencyId) is null)
        {
            store.AddAgency(AgencyId, "Cơ quan trình diễn (demo)", null);
        }

        var lines = ReadSample();
        var round = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        do
        {
            round++;
            var now = DateTimeOffset.UtcNow;
            var stamp = TimeZoneInfo.ConvertTime(now, Vietnam).ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture);
            var records = new List<RawRecord>(lines.Count);
            for (var i = 0; i < lines.Count; i++)
            {
                var message = lines[i].Replace("{time}", stamp, StringComparison.Ordinal);
                records.Add(new RawRecord($"demo:{now.ToUnixTimeMilliseconds()}:{i}", "syslog", "demo-host", "demo", now, RawRecord.DefaultTimeZone, message));
            }

            var result = await pipeline.ProcessAsync(AgencyId, records, stoppingToken).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Demo round {Round}: {Stored} events, {Alerts} alerts", round, result.Stored, result.Alerts);
            }
        }
        while (round < 30 && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static List<string> ReadSample()
    {
        using var stream = typeof(DemoFeeder).Assembly.GetManifestResourceStream("Soc.Console.Demo.demo.log")
            ?? throw new InvalidOperationException("demo.log is not embedded");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
