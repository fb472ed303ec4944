using System.Numerics;

namespace Soc.Detection.Correlation;

/// <summary>
/// value_count: distinct values of a group's window, kept incrementally. Each distinct value has one slot in an
/// open-addressing table (linear probing, power-of-two length, at most 3/4 used) holding the newest event time
/// it was seen at; the slots are also linked in order of that time. A value counts while its newest time is
/// inside the window (all of a group's events are at or before the window end), so when the window start
/// passes a value's time the value leaves: it is at the head of the list. Cost per update is O(1) amortised
/// (plus a short walk for an out-of-order event); memory is one slot per distinct value, not one per event.
/// Until a second distinct value is in the window at once, the single value and its time are held inline and
/// no table exists (most groups see one value), which keeps a one-value group small.
/// </summary>
internal sealed class DistinctValues
{
    /// <summary>Marks a freed slot, so probing continues past it (compared by reference).</summary>
    internal static readonly string RemovedValue = new('\u0000', 1);

    /// <summary>The table; null while at most one value is held (in <see cref="_single"/>).</summary>
    private DistinctEntry[]? _table;

    /// <summary>Without a table: the value in the window (when <see cref="Count"/> is 1) and its newest time.</summary>
    private string? _single;
    private long _singleTime;

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
        if (_table is null && ObserveSingle(value, ticks, from, max))
        {
            return;
        }

        var table = _table!;
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

    /// <summary>
    /// <see cref="Observe"/> without a table. Returns false, having moved the held value into a new table,
    /// when a second distinct value must be added alongside it.
    /// </summary>
    private bool ObserveSingle(string value, long ticks, long from, int max)
    {
        if (Count > 0 && _singleTime < from)
        {
            _single = null;
            Count = 0;
        }

        if (ticks < from)
        {
            return true;
        }

        if (Count == 0)
        {
            _single = value;
            _singleTime = ticks;
            Count = 1;
            return true;
        }

        if (string.Equals(_single, value, StringComparison.Ordinal))
        {
            _singleTime = Math.Max(_singleTime, ticks);
            return true;
        }

        if (max <= 1)
        {
            // The value seen longest ago gives way, unless the new one is older still.
            if (ticks >= _singleTime)
            {
                _single = value;
                _singleTime = ticks;
            }

            return true;
        }

        // Room for the second value: a four-slot table holds two at the 3/4 load limit.
        var table = new DistinctEntry[4];
        var i = _single!.GetHashCode() & (table.Length - 1);
        table[i] = new DistinctEntry { Value = _single, Time = _singleTime, Older = -1, Newer = -1 };
        _oldest = i;
        _newest = i;
        _distinctUsed = 1;
        _single = null;
        _table = table;
        return false;
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
