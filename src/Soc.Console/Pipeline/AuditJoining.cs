using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Console.Pipeline;

/// <summary>
/// The normalise stage's last step: the Linux audit records of one event (SYSCALL, EXECVE, CWD, PATH…, PROCTITLE,
/// EOE with the same <c>msg=audit(time:serial)</c>) become one event, so that a Sigma auditd rule sees SYSCALL's
/// <c>exe</c> and EXECVE's <c>a0…aN</c> together (docs/specs/normalisation.md, "Joining").
/// <para>One <see cref="AuditRecordJoiner"/> per stream: host name (<c>host.name</c>), file (<c>log.file.path</c>)
/// and audit node (<c>auditd.node</c>, set when auditd forwards several machines into one file). Every other event
/// keeps its relative order; a joined event takes the place where it was completed (its EOE, or the next record of its
/// stream with another serial, or the end of the batch). It is the first record's event, so it keeps that record's
/// <c>event.id</c> (a re-sent identical batch is deduplicated by the store as before), and its <c>event.original</c>
/// holds every record's line.</para>
/// <para>The joiners live for one batch and are flushed at its end: an audit event split across two batches becomes
/// two partial events (each with its own lines and id). That is accepted; it also means that a batch re-sent with other
/// boundaries (a collector halving a batch after 413) can store the lines of an already stored event a second time as
/// a partial event. Nothing is ever lost.</para>
/// <para>Cost: a batch without audit records is read once and left alone; no joiner or dictionary is allocated.</para>
/// </summary>
public static class AuditJoining
{
    /// <summary>Joins the audit records of <paramref name="batch"/> (one ingest batch, in arrival order) in place.</summary>
    /// <returns>How many records were merged into an earlier record's event (0 when the batch is unchanged).</returns>
    public static int Join(List<LogEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var first = 0;
        while (first < batch.Count && !IsAuditRecord(batch[first]))
        {
            first++;
        }

        if (first == batch.Count)
        {
            return 0;
        }

        // Compaction in place: every event written consumed at least one record already read, so write <= read.
        var streams = new Dictionary<(string?, string?, string?), AuditRecordJoiner>();
        var joiners = new List<AuditRecordJoiner>(1);
        var write = first;
        for (var read = first; read < batch.Count; read++)
        {
            var ev = batch[read];
            if (!IsAuditRecord(ev))
            {
                batch[write++] = ev;
                continue;
            }

            var key = (ev.GetString(EcsFields.HostName), ev.GetString(EcsFields.LogFilePath), ev.GetString("auditd.node"));
            if (!streams.TryGetValue(key, out var joiner))
            {
                joiner = new AuditRecordJoiner();
                streams.Add(key, joiner);
                joiners.Add(joiner);
            }

            if (joiner.TryAdd(ev, out var completed))
            {
                batch[write++] = completed!;
            }
        }

        foreach (var joiner in joiners)
        {
            if (joiner.Flush() is { } last)
            {
                batch[write++] = last;
            }
        }

        var merged = batch.Count - write;
        batch.RemoveRange(write, merged);
        return merged;
    }

    /// <summary>A record read by <see cref="AuditdParser"/> (parse failures and JSON events without a serial are not).</summary>
    private static bool IsAuditRecord(LogEvent ev) =>
        ev[AuditdParser.SequenceField] is long
        && ev[AuditdParser.TypeField] is string
        && string.Equals(ev.GetString(EcsFields.EventModule), "auditd", StringComparison.Ordinal);
}
