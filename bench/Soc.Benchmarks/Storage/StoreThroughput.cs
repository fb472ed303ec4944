using System.Diagnostics;
using System.Globalization;
using Soc.Console.Incidents;
using Soc.Console.Pipeline;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Parsing;
using Soc.Detection.Sigma;

namespace Soc.Benchmarks.Storage;

/// <summary>
/// The embedded store alone: events normalised and evaluated before the clock starts, then appended in
/// groups the way the ingest pipeline commits them. Prints wall and process CPU time per event, so the
/// store's share of the center's cost can be told apart from HTTP, decoding and detection
/// (bench/Soc.CenterLoad measures the whole path). Usage:
/// <c>dotnet run -c Release --project bench/Soc.Benchmarks -- store-throughput [events] [group]</c>.
/// </summary>
public static class StoreThroughput
{
    public static void Run(TextWriter output, IReadOnlyList<string> args)
    {
        var total = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300_000;
        var group = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8_000;
        var batches = BuildBatches(total, 2_000, "b", 7, DateTimeOffset.UtcNow);
        var alerts = batches.Sum(b => b.Events.Sum(e => e.Alerts.Count));
        output.WriteLine($"{total:N0} events ({alerts:N0} alerts) in batches of 2,000, committed {group:N0} at a time");

        var folder = Path.Combine(Path.GetTempPath(), "soc-store-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var store = new SqliteStore(Path.Combine(folder, "soc.db"));
            var policy = new IncidentPolicy();
            var perGroup = Math.Max(1, group / 2_000);
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var lap = Stopwatch.StartNew();
            for (var i = 0; i < batches.Count; i += perGroup)
            {
                var slice = batches.Skip(i).Take(perGroup).ToList();
                store.AppendAsync(slice, policy, CancellationToken.None).GetAwaiter().GetResult();
                if ((i / perGroup) % 10 == 9)
                {
                    var done = (i + slice.Count) * 2_000;
                    output.WriteLine($"  {done,9:N0} stored, last 10 commits {lap.Elapsed.TotalMilliseconds / 10:N0} ms each");
                    lap.Restart();
                }
            }

            clock.Stop();
            // The center's indexer runs behind the commits; here it runs once at the end, and its time counts.
            var indexing = Stopwatch.StartNew();
            while (store.IndexTextBacklogAsync(50_000, CancellationToken.None).GetAwaiter().GetResult() > 0)
            {
            }

            indexing.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpu0;
            output.WriteLine($"full-text indexing of the backlog {indexing.Elapsed.TotalSeconds:N1} s (wall)");
            output.WriteLine($"commits: wall {clock.Elapsed.TotalSeconds:N1} s = {total / clock.Elapsed.TotalSeconds:N0} events/s; " +
                $"process CPU including the indexing {cpu.TotalSeconds:N1} s = {cpu.TotalMicroseconds / total:N1} µs per event; " +
                $"database {new FileInfo(Path.Combine(folder, "soc.db")).Length / 1048576.0:N0} MiB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Loghub Linux/OpenSSH/Apache lines plus 5 % sshd root failures from many addresses, as bench/Soc.CenterLoad sends.
    internal static List<EventBatch> BuildBatches(int total, int batchSize, string idPrefix, int seed, DateTimeOffset received)
    {
        var corpus = Path.Combine(RepoRoot(), "..", "shared", "corpus", "logs", "loghub");
        var lines = new List<string>();
        foreach (var name in (string[])["Linux/Linux_2k.log", "OpenSSH/OpenSSH_2k.log", "Apache/Apache_2k.log"])
        {
            lines.AddRange(File.ReadLines(Path.Combine(corpus, name)).Where(l => l.Length > 0));
        }

        var engine = new DetectionEngine(SigmaRuleLoader.LoadPaths([Path.Combine(RepoRoot(), "rules")]).Rules);
        var normalizer = new EventNormalizer();
        var random = new Random(seed);
        var stamp = received.ToOffset(TimeSpan.FromHours(7)).ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture);
        var batches = new List<EventBatch>();
        var found = new List<Alert>();
        for (var b = 0; b * batchSize < total; b++)
        {
            var events = new List<ProcessedEvent>(batchSize);
            for (var i = 0; i < batchSize && b * batchSize + i < total; i++)
            {
                var message = random.NextDouble() < 0.05
                    ? $"<38>{stamp} web{random.Next(20):00} sshd[{random.Next(1000, 9999)}]: Failed password for root from 10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)} port {random.Next(1024, 65535)} ssh2"
                    : lines[random.Next(lines.Count)];
                var type = message.StartsWith('[') ? "apache_error" : "syslog";
                var record = new RawRecord($"{idPrefix}{b}-{i}", type, "web" + (i % 20).ToString("00", CultureInfo.InvariantCulture), "/var/log/auth.log", received, RawRecord.DefaultTimeZone, message);
                var ev = normalizer.Normalize(record);
                found.Clear();
                engine.Evaluate(ev, found);
                events.Add(new ProcessedEvent(ev, found.ToArray()));
            }

            batches.Add(new EventBatch("agency-" + (b % 4).ToString(CultureInfo.InvariantCulture), events));
        }

        return batches;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Soc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository (Soc.sln not found above " + AppContext.BaseDirectory + ")");
    }
}
