using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Soc.CenterLoad;

// Drives the built center over HTTP: ingest throughput from HTTP to committed store with the given rules,
// ingest-answer-to-alert-queryable latency (probes during the load), then API latencies (incident list,
// event search) over what was stored. Usage (from the repository root, after a Release build):
//   dotnet run -c Release --project bench/Soc.CenterLoad -- --records 1000000 --rules rules --rules ../shared/corpus/sigma/rules/linux
// --live-times re-stamps the loghub lines with rising times near now (live logs); without it they keep
// their own 2005/2025 times, mixed, which is a backfill and the harder case for the store's time indexes.
var o = LoadOptions.Parse(args);
var dataDir = o.DataDir ?? Path.Combine(Path.GetTempPath(), "soc-load-" + Guid.NewGuid().ToString("N"));
var keys = new List<string>();
for (var a = 0; a < o.Agencies; a++)
{
    keys.Add(Center.Run(o.Soc, "agency", "add", "agency-" + a.ToString(CultureInfo.InvariantCulture), "--name", "Load " + a.ToString(CultureInfo.InvariantCulture), "--data-dir", dataDir));
}

Center.Run(o.Soc, "user", "add", "bench", "--role", "analyst", "--password", "bench-password-123", "--data-dir", dataDir);
var token = Center.Run(o.Soc, "token", "create", "--user", "bench", "--data-dir", dataDir);

Console.WriteLine($"building {o.Records:N0} records in batches of {o.BatchSize:N0} …");
var corpus = Batches.LoadCorpus(o.Corpus);
var random = new Random(42);
var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
var bodies = new List<(int Agency, byte[] Body, int Count)>();
// Live times rise at a nominal 20,000 records/s from an hour ago; the senders' interleaving of batches
// leaves them out of order by a few batches, as several collectors' clocks would.
var spacing = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 20_000);
for (var start = 0; start < o.Records; start += o.BatchSize)
{
    var count = Math.Min(o.BatchSize, o.Records - start);
    var first = o.LiveTimes ? local + (spacing * start) : local;
    bodies.Add((bodies.Count % o.Agencies, Batches.Build("b" + start.ToString(CultureInfo.InvariantCulture), count, corpus, o.AlertRatio, random, first, o.LiveTimes, spacing), count));
}

using var center = await Center.StartAsync(o.Soc, dataDir, o.Rules);
using var http = new HttpClient { BaseAddress = center.Url, Timeout = TimeSpan.FromMinutes(5) };
using var api = new HttpClient { BaseAddress = center.Url };
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
await http.GetStringAsync("/healthz");

Console.WriteLine($"ingesting with {o.Senders} senders …");
var next = -1;
long acked = 0, refused = 0;
var probeLatencies = new ConcurrentBag<double>();
using var stopProbes = new CancellationTokenSource();
var cpuBefore = center.CpuTime;
var clock = Stopwatch.StartNew();
var probes = Task.Run(async () =>
{
    for (var p = 0; !stopProbes.IsCancellationRequested; p++)
    {
        var id = "probe-" + p.ToString(CultureInfo.InvariantCulture);
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        var line = $"{{\"id\":\"{id}\",\"type\":\"syslog\",\"host\":\"probe\",\"message\":\"<38>{now.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture)} probe sshd[1]: Failed password for root from 172.16.{p / 250 % 250}.{(p % 250) + 1} port 22 ssh2\"}}\n";
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(line));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", keys[0]);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            continue;
        }

        var answered = Stopwatch.GetTimestamp();
        while (true)
        {
            var alerts = await api.GetStringAsync("/api/v1/alerts?limit=20&from=now-10m");
            if (alerts.Contains(id, StringComparison.Ordinal))
            {
                probeLatencies.Add(Stopwatch.GetElapsedTime(answered).TotalMilliseconds);
                break;
            }

            await Task.Delay(5);
        }

        await Task.Delay(250);
    }
});
var senders = Enumerable.Range(0, o.Senders).Select(_ => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < bodies.Count)
    {
        var (agency, body, count) = bodies[i];
        while (true)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentEncoding.Add("gzip");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest") { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", keys[agency]);
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Add(ref acked, count);
                break;
            }

            // 503/429 are back-pressure: wait as told and send again, as the collector does.
            Interlocked.Increment(ref refused);
            await Task.Delay(TimeSpan.FromSeconds(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1));
        }
    }
})).ToArray();
await Task.WhenAll(senders);
var seconds = clock.Elapsed.TotalSeconds;
var cpuSeconds = (center.CpuTime - cpuBefore).TotalSeconds;
await stopProbes.CancelAsync();
await probes;

static double Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

async Task<(double P50, double P95)> TimeAsync(IReadOnlyList<string> paths, int rounds)
{
    var times = new List<double>();
    for (var r = 0; r < rounds; r++)
    {
        var t = Stopwatch.GetTimestamp();
        using var response = await api.GetAsync(paths[r % paths.Count]);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }

    return (Percentile(times, 0.5), Percentile(times, 0.95));
}

var incidents = await TimeAsync(["/api/v1/incidents?limit=50", "/api/v1/incidents?status=new&sort=-severity&limit=50", "/api/v1/incidents?limit=50&offset=500"], o.QueryRounds);
var search = await TimeAsync(
[
    "/api/v1/events?q=" + Uri.EscapeDataString("\"failed password\"") + "&limit=100",
    "/api/v1/events?q=" + Uri.EscapeDataString("host.name:web07 AND invalid") + "&limit=100",
    "/api/v1/events?q=" + Uri.EscapeDataString("authentication failure NOT host.name:web01") + "&from=now-2h&limit=100",
    "/api/v1/events?q=" + Uri.EscapeDataString("source.port:[1024 TO 2048]") + "&limit=100",
], Math.Max(20, o.QueryRounds / 2));

var counts = JsonDocument.Parse(await api.GetStringAsync("/api/v1/events/count")).RootElement.GetInt64();
var metrics = (await http.GetStringAsync("/metrics")).Split('\n');
string Metric(string name) => metrics.FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..] ?? "?";
var alertCount = "alerts " + Metric("soc_detect_alerts_total") + ", normalise " + Metric("soc_normalise_milliseconds_total") + " ms, detect " + Metric("soc_detect_milliseconds_total") + " ms, store commits " + Metric("soc_store_commits_total") + " taking " + Metric("soc_store_commit_milliseconds_total") + " ms";
var dbBytes = new DirectoryInfo(dataDir).EnumerateFiles("soc.db*").Sum(f => f.Length);
Console.WriteLine($"""

    records acknowledged   {acked:N0} in {seconds:F1} s = {acked / seconds:N0} events/s (HTTP answer after commit; {refused} back-pressure answers)
    center CPU             {cpuSeconds:F1} s = {cpuSeconds * 1e6 / Math.Max(1, acked):F1} µs per event (all threads; {cpuSeconds / seconds:F2} cores busy on average)
    alert queryable after  p50 {Percentile(probeLatencies, 0.5):F1} ms, p99 {Percentile(probeLatencies, 0.99):F1} ms ({probeLatencies.Count} probes)
    incident list          p50 {incidents.P50:F1} ms, p95 {incidents.P95:F1} ms
    event search           p50 {search.P50:F1} ms, p95 {search.P95:F1} ms
    stored events          {counts:N0}; {alertCount}; database {dbBytes / 1048576.0:F0} MiB
    data folder            {dataDir}
    """);
