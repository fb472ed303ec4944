using System.Numerics;

namespace Soc.Detection.Correlation;

/// <summary>
/// value_count: distinct values of a group's window, kept incrementally. Each distinct value has one slot in an
/// open-addressing table (linear probing, power-of-two length, at most 3/4 used) holding the newest event time
/// it was seen at; the slots are also linked in order of that time. A value counts while its newest time is
/// inside the window (all of a group's events are at or before the window end), so when the window start
/// passes a value's time the value leaves: it is at the head of the list. Cost per update is O(1) amortised
/// (plus a short walk for an out-of-order event); memory is one slot per distinct value, not one per event.
/// </summary>
internal sealed class DistinctValues
{
    /// <summary>Marks a freed slot, so probing continues past it (compared by reference).</summary>
    internal static readonly string RemovedValue = new('\u0000', 1);

    /// <summary>The table; starts with two slots (room for one value at the 3/4 load limit).</summary>
    private DistinctEntry[] _table = new DistinctEntry[2];

    /// <summary>Distinct values in the window (after <see cref="Observe"/>).</summary>
    public int Count { get; private set; }

    private int _distinctUsed; // live + freed slots
    private int _oldest = -1;
    private int _newest = -1;

    /// <summary>
    /// Expires values whose newest time is before <paramref name="from"/>, then records <paramref name="value"/>
    /// at <paramref name="ticks"/>. An event already before the window changes nothing. With
    /// <paramref name="max"/> distinct values remembered, the value seen longest ago gives way.
    /// </summary>
    public void Observe(string value, long ticks, long from, int max)
    {
        var table = _table;
        while (_oldest >= 0 && table[_oldest].Time < from)
        {
            Free(table, _oldest);
        }

        if (ticks < from)
        {
            return;
        }

        var mask = table.Length - 1;
        var i = value.GetHashCode() & mask;
        while (table[i].Value is { } v)
        {
            if (!ReferenceEquals(v, RemovedValue) && string.Equals(v, value, StringComparison.Ordinal))
            {
                if (ticks > table[i].Time)
                {
                    Unlink(table, i);
                    table[i].Time = ticks;
                    LinkByTime(table, i);
                }

                return;
            }

            i = (i + 1) & mask;
        }

        if (Count >= max)
        {
            if (ticks < table[_oldest].Time)
            {
                return;
            }

            Free(table, _oldest);
        }

        if ((_distinctUsed + 1) * 4 > table.Length * 3)
        {
            table = Rehash(table);
            mask = table.Length - 1;
        }

        i = value.GetHashCode() & mask;
        while (table[i].Value is { } v && !ReferenceEquals(v, RemovedValue))
        {
            i = (i + 1) & mask;
        }

        if (table[i].Value is null)
        {
            _distinctUsed++;
        }

        table[i].Value = value;
        table[i].Time = ticks;
        LinkByTime(table, i);
        Count++;
    }

    private void Free(DistinctEntry[] table, int slot)
    {
        Unlink(table, slot);
        table[slot].Value = RemovedValue;
        Count--;
    }

    private void Unlink(DistinctEntry[] table, int slot)
    {
        var older = table[slot].Older;
        var newer = table[slot].Newer;
        if (older >= 0)
        {
            table[older].Newer = newer;
        }
        else
        {
            _oldest = newer;
        }

        if (newer >= 0)
        {
            table[newer].Older = older;
        }
        else
        {
            _newest = older;
        }
    }

    /// <summary>Links the slot after the newest value seen at or before its time (walking back from the newest).</summary>
    private void LinkByTime(DistinctEntry[] table, int slot)
    {
        var time = table[slot].Time;
        var older = _newest;
        while (older >= 0 && table[older].Time > time)
        {
            older = table[older].Older;
        }

        var newer = older >= 0 ? table[older].Newer : _oldest;
        table[slot].Older = older;
        table[slot].Newer = newer;
        if (older >= 0)
        {
            table[older].Newer = slot;
        }
        else
        {
            _oldest = slot;
        }

        if (newer >= 0)
        {
            table[newer].Older = slot;
        }
        else
        {
            _newest = slot;
        }
    }

    /// <summary>Moves the live values, oldest first, into a table sized for twice their number (freed slots vanish).</summary>
    private DistinctEntry[] Rehash(DistinctEntry[] old)
    {
        var table = new DistinctEntry[Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)(Count + 1) * 2))];
        var mask = table.Length - 1;
        var previous = -1;
        for (var s = _oldest; s >= 0; s = old[s].Newer)
        {
            var value = old[s].Value!;
            var i = value.GetHashCode() & mask;
            while (table[i].Value is not null)
            {
                i = (i + 1) & mask;
            }

            table[i] = new DistinctEntry { Value = value, Time = old[s].Time, Older = previous, Newer = -1 };
            if (previous >= 0)
            {
                table[previous].Newer = i;
            }
            else
            {
                _oldest = i;
            }

            previous = i;
        }

        _newest = previous;
        _distinctUsed = Count;
        _table = table;
        return table;
    }
}
