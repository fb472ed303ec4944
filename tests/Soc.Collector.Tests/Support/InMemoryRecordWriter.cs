using Soc.Collector.Inputs;
using Soc.Collector.Records;

namespace Soc.Collector.Tests.Support;

/// <summary>
/// Stands in for the disk queue in input tests: keeps records in memory, in order. Not durable; "durable once
/// WriteAsync completes" holds trivially because nothing is lost while the test runs. With a capacity,
/// <see cref="TryWrite"/> refuses records beyond it, as a full queue does.
/// </summary>
public sealed class InMemoryRecordWriter(int capacity = int.MaxValue) : IRecordWriter
{
    private readonly List<CollectorRecord> _records = [];

    public IReadOnlyList<CollectorRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public ValueTask WriteAsync(CollectorRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_records)
        {
            _records.Add(record);
        }

        return ValueTask.CompletedTask;
    }

    public bool TryWrite(CollectorRecord record)
    {
        lock (_records)
        {
            if (_records.Count >= capacity)
            {
                return false;
            }

            _records.Add(record);
            return true;
        }
    }

    /// <summary>Polls until at least <paramref name="count"/> records arrived; fails the test after a generous timeout.</summary>
    public async Task<IReadOnlyList<CollectorRecord>> WaitForAsync(int count, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var records = Records;
            if (records.Count >= count)
            {
                return records;
            }

            await Task.Delay(20);
        }

        var got = Records;
        Assert.Fail($"expected {count} records within {timeoutSeconds} s, got {got.Count}: {string.Join(" | ", got.Select(r => r.Message))}");
        return got;
    }
}
