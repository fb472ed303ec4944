using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Soc.Console.Hosting;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Durability;

/// <summary>
/// An acknowledgement means durable: the built center is killed with SIGKILL while collectors are
/// sending, started again on the same data folder, and every record id it had answered 200 for is stored.
/// </summary>
public sealed class KillDuringIngestTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "soc-kill-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task LosesNoAcknowledgedRecordWhenKilledDuringIngest()
    {
        string key;
        using (var setup = new SqliteStore(new CenterOptions { DataDir = _dataDir }.DatabasePath))
        {
            key = setup.AddAgency("so-a", "Sở A", null);
        }

        var acknowledged = new ConcurrentBag<string>();
        var inFlight = 0;
        using (var center = await CenterProcess.StartAsync(_dataDir))
        {
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
            {
                using var client = new HttpClient { BaseAddress = center.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    var ids = Enumerable.Range(0, 200).Select(i => string.Create(CultureInfo.InvariantCulture, $"s{sender}-b{batch}-r{i}")).ToArray();
                    Interlocked.Increment(ref inFlight);
                    try
                    {
                        using var response = await client.SendAsync(IngestBatch.Request(key, [.. ids.Select(id => IngestBatch.Record(id, $"<38>Nov 22 10:00:00 web01 sshd[1]: Failed password for root from 192.0.2.{batch % 250} port 22 ssh2"))]));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            foreach (var id in ids)
                            {
                                acknowledged.Add(id);
                            }
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }
            })).ToArray();

            // Kill after some batches were acknowledged and while at least one is in flight, so the kill
            // interrupts a request (a busy machine can leave every sender between requests for a moment).
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while ((acknowledged.Count < 4000 || Volatile.Read(ref inFlight) == 0) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            var interrupted = Volatile.Read(ref inFlight);
            center.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
            Assert.True(interrupted > 0, "no request was in flight when the center was killed");
        }

        Assert.True(acknowledged.Count >= 4000, $"only {acknowledged.Count} records were acknowledged before the kill; too few to prove anything");

        using (await CenterProcess.StartAsync(_dataDir))
        {
            using var c = new SqliteConnection($"Data Source={new CenterOptions { DataDir = _dataDir }.DatabasePath};Mode=ReadOnly;Pooling=False");
            c.Open();
            var stored = new HashSet<string>(StringComparer.Ordinal);
            using var q = c.CreateCommand();
            q.CommandText = "SELECT id FROM events";
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                stored.Add(r.GetString(0));
            }

            var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged records were lost, e.g. {string.Join(", ", lost.Take(5))}");
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
