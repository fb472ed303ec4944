namespace Soc.Detection.Correlation;

/// <summary>
/// Window state of one group. Timestamps are UTC ticks of event time. Arrays start small and grow, so a
/// live group of a typical rule stays within a couple of hundred bytes.
/// </summary>
internal sealed class GroupState
{
    public long LastTicks;

    /// <summary>Event times in arrival order (ring), for count/sum/avg/percentile windows.</summary>
    public long[] Times = new long[4];

    /// <summary>Numeric values beside <see cref="Times"/> (value_sum, value_avg).</summary>
    public double[]? Numbers;

    /// <summary>Text values beside <see cref="Times"/> (value_count, value_percentile).</summary>
    public string?[]? Texts;

    public int Count;
    public int Head;

    /// <summary>Per referenced rule: last time seen (temporal) or chain start (temporal_ordered); long.MinValue when none.</summary>
    public long[]? Steps;

    public void Add(long ticks, double number, string? text, int max)
    {
        if (Count == Times.Length && Count < max)
        {
            var size = Math.Min(max, Times.Length * 2);
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

        int slot;
        if (Count < Times.Length)
        {
            slot = (Head + Count) % Times.Length;
            Count++;
        }
        else
        {
            slot = Head; // full at the cap: overwrite the oldest arrival
            Head = (Head + 1) % Times.Length;
        }

        Times[slot] = ticks;
        if (Numbers is not null)
        {
            Numbers[slot] = number;
        }

        if (Texts is not null)
        {
            Texts[slot] = text;
        }
    }

    private T[] Grow<T>(T[] old, int size)
    {
        var copy = new T[size];
        for (var i = 0; i < Count; i++)
        {
            copy[i] = old[(Head + i) % old.Length];
        }

        return copy;
    }

    public void Reset()
    {
        Count = 0;
        Head = 0;
        if (Steps is not null)
        {
            Array.Fill(Steps, long.MinValue);
        }
    }
}
