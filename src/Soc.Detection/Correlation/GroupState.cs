namespace Soc.Detection.Correlation;

/// <summary>
/// Window state of one group. Timestamps are UTC ticks of event time. Arrays start small and grow, so a
/// live group of a typical rule stays within a couple of hundred bytes.
/// </summary>
/// <remarks>
/// Invariant of the ring (event_count, value_sum, value_avg, value_percentile): entries are sorted by event
/// time, oldest at <see cref="Head"/>, and after <see cref="Add"/> every entry lies in the window, so
/// <see cref="Count"/> and <see cref="Sum"/> are the window's count and sum without a scan. A group's window
/// start only moves forward (it ends at the group's newest event), so an expired entry never returns.
/// </remarks>
internal sealed class GroupState
{
    public long LastTicks;

    /// <summary>Event times sorted ascending (ring), for count/sum/avg/percentile windows.</summary>
    public long[] Times = new long[2];

    /// <summary>Numeric values beside <see cref="Times"/> (value_sum, value_avg).</summary>
    public double[]? Numbers;

    /// <summary>Text values beside <see cref="Times"/> (value_percentile).</summary>
    public string?[]? Texts;

    /// <summary>Entries in the ring, all inside the window after <see cref="Add"/>.</summary>
    public int Count;
    public int Head;

    /// <summary>Sum of <see cref="Numbers"/> over the ring, kept as entries enter and leave.</summary>
    public double Sum;

    /// <summary>Entries removed since <see cref="Sum"/> was last recomputed exactly (bounds floating-point drift).</summary>
    private int _removedSinceExactSum;

    /// <summary>value_count: the window's distinct values (a separate object so other types do not carry its fields).</summary>
    public DistinctValues? Distinct;

    /// <summary>Per referenced rule: last time seen (temporal) or chain start (temporal_ordered); long.MinValue when none.</summary>
    public long[]? Steps;

    /// <summary>
    /// Drops entries older than <paramref name="from"/>, then inserts the event in time order (an out-of-order
    /// event shifts the few newer entries). An event already before the window is not remembered. At the cap
    /// the oldest entry (by event time) gives way; an event older than all of a full ring is dropped.
    /// </summary>
    public void Add(long ticks, double number, string? text, long from, int max)
    {
        while (Count > 0 && Times[Head] < from)
        {
            RemoveOldest();
        }

        if (ticks < from)
        {
            return;
        }

        if (Count == Times.Length && Count < max)
        {
            var size = Math.Min(max, Math.Max(4, Times.Length * 2));
            Times = Grow(Times, size);
            if (Numbers is not null)
            {
                Numbers = Grow(Numbers, size);
            }

            if (Texts is not null)
            {
                Texts = Grow(Texts, size);
            }

            Head = 0;
        }

        if (Count >= Math.Min(max, Times.Length))
        {
            if (ticks < Times[Head])
            {
                return;
            }

            RemoveOldest();
        }

        // Insertion from the newest end: in-order events (the common case) cost one comparison.
        var length = Times.Length;
        var i = Count;
        while (i > 0)
        {
            var prev = Slot(i - 1, length);
            if (Times[prev] <= ticks)
            {
                break;
            }

            var to = Slot(i, length);
            Times[to] = Times[prev];
            if (Numbers is not null)
            {
                Numbers[to] = Numbers[prev];
            }

            if (Texts is not null)
            {
                Texts[to] = Texts[prev];
            }

            i--;
        }

        var slot = Slot(i, length);
        Times[slot] = ticks;
        if (Numbers is not null)
        {
            Numbers[slot] = number;
            Sum += number;
        }

        if (Texts is not null)
        {
            Texts[slot] = text;
        }

        Count++;
    }

    /// <summary>value_percentile: the percentage of the window's entries whose value equals <paramref name="current"/> (a scan of the window).</summary>
    public double Share(string? current)
    {
        if (Count == 0)
        {
            return 0;
        }

        var same = 0;
        var length = Times.Length;
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(Texts![Slot(i, length)], current, StringComparison.Ordinal))
            {
                same++;
            }
        }

        return 100.0 * same / Count;
    }

    private int Slot(int index, int length)
    {
        var slot = Head + index;
        return slot >= length ? slot - length : slot;
    }

    private void RemoveOldest()
    {
        if (Numbers is not null)
        {
            Sum -= Numbers[Head];
        }

        if (Texts is not null)
        {
            Texts[Head] = null; // do not keep the event's string alive
        }

        Head = Head + 1 == Times.Length ? 0 : Head + 1;
        Count--;
        if (Numbers is not null && (Count == 0 || ++_removedSinceExactSum > Count))
        {
            // Adding and subtracting doubles drifts; recomputing once per Count removals keeps the sum exact
            // up to the rounding of one pass at amortised O(1) per update.
            RecomputeSum();
        }
    }

    private void RecomputeSum()
    {
        _removedSinceExactSum = 0;
        double sum = 0;
        var length = Times.Length;
        for (var i = 0; i < Count; i++)
        {
            sum += Numbers![Slot(i, length)];
        }

        Sum = sum;
    }

    private T[] Grow<T>(T[] old, int size)
    {
        var copy = new T[size];
        for (var i = 0; i < Count; i++)
        {
            copy[i] = old[Slot(i, old.Length)];
        }

        return copy;
    }
}
