using System.Text;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// Joins consecutive audit records of one event (same <c>msg=audit(time:serial)</c>: SYSCALL, EXECVE, CWD, PATH…,
/// PROCTITLE, EOE) into one <see cref="LogEvent"/>. Not thread-safe: use one joiner per audit stream (per host/file).
/// <para>Pipeline use: normalise every record; pass each <c>auditd</c> event to <see cref="TryAdd"/> and emit the
/// completed event it hands back (if any); call <see cref="Flush"/> at the end of each batch or after a short idle
/// time, since the kernel ends most events with EOE but not all. Nothing is lost: every record's line ends up in the
/// joined event's <c>event.original</c> (newline-separated), and a non-audit event is handed straight back.</para>
/// <para>Joined fields: <c>auditd.type</c> becomes the list of record types; other <c>auditd.*</c> keys keep the first
/// value seen, except EXECVE's <c>a0…aN</c>/<c>argc</c> which replace SYSCALL's raw register arguments; the ECS
/// fields are then derived again from the joined set.</para>
/// </summary>
public sealed class AuditRecordJoiner
{
    private LogEvent? _pending;
    private List<object?>? _types;
    private StringBuilder? _original;

    /// <summary>Adds one normalised record. Returns true with <paramref name="completed"/> when an event is complete.</summary>
    public bool TryAdd(LogEvent record, out LogEvent? completed)
    {
        ArgumentNullException.ThrowIfNull(record);
        completed = null;
        if (record[AuditdParser.SequenceField] is not long)
        {
            completed = record; // Not an audit record (e.g. a parse failure): hand it straight back.
            return true;
        }

        if (_pending is not null && !SameEvent(_pending, record))
        {
            completed = Finish();
        }

        if (_pending is null)
        {
            Start(record);
        }
        else
        {
            Merge(record);
        }

        if (completed is null && AuditdParser.HasType(record, "EOE"))
        {
            // End-of-event marker. (If an older event was just handed back, this lone EOE stays pending
            // and comes out on the next call or Flush: one completed event per call keeps the order.)
            completed = Finish();
        }

        return completed is not null;
    }

    /// <summary>The event still being collected, completed now (null when none is pending).</summary>
    public LogEvent? Flush() => _pending is null ? null : Finish();

    private static bool SameEvent(LogEvent a, LogEvent b) =>
        Equals(a[AuditdParser.SequenceField], b[AuditdParser.SequenceField]) && a.Timestamp == b.Timestamp;

    private void Start(LogEvent record)
    {
        _pending = record;
        _types = null;
        _original = null;
    }

    private void Merge(LogEvent record)
    {
        var pending = _pending!;
        if (_types is null)
        {
            _types = new List<object?>(6);
            AddTypes(_types, pending[AuditdParser.TypeField]);
        }

        AddTypes(_types, record[AuditdParser.TypeField]);
        _original ??= new StringBuilder(pending.GetString(EcsFields.EventOriginal));
        _original.Append('\n').Append(record.GetString(EcsFields.EventOriginal));
        var execve = AuditdParser.HasType(record, "EXECVE");
        foreach (var (key, value) in record.Fields)
        {
            if (!key.StartsWith("auditd.", StringComparison.Ordinal) || key == AuditdParser.TypeField)
            {
                continue;
            }

            var isArg = execve && (key == "auditd.argc" || (key.Length > 8 && key[7] == 'a' && char.IsAsciiDigit(key[8])));
            if (isArg || !pending.Has(key))
            {
                pending.Set(key, value);
            }
        }
    }

    private static void AddTypes(List<object?> types, object? value)
    {
        if (value is IReadOnlyList<object?> list)
        {
            types.AddRange(list);
        }
        else
        {
            types.Add(value);
        }
    }

    private LogEvent Finish()
    {
        var ev = _pending!;
        if (_types is not null)
        {
            ev.Set(AuditdParser.TypeField, _types);
        }

        if (_original is not null)
        {
            var text = _original.ToString();
            ev.Set(EcsFields.EventOriginal, text);
            ev.Message = text;
        }

        ev.Remove(EcsFields.EventAction);
        AuditdParser.DeriveEcs(ev);
        _pending = null;
        _types = null;
        _original = null;
        return ev;
    }
}
