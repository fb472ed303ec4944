using System.Text.Json.Nodes;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    /// <summary>
    /// Claims the next sequence number and the previous hash from the <c>audit-head</c> state document
    /// (if_seq_no, so two nodes never chain onto the same entry), then creates the entry with its sequence
    /// number as <c>_id</c>. A crash between the two leaves a gap that <see cref="VerifyAuditAsync"/> reports.
    /// </summary>
    public async Task<AuditEntry> AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var time = DateTimeOffset.FromUnixTimeMilliseconds(record.Time.ToUnixTimeMilliseconds());
        AuditEntry? entry = null;
        await UpdateDocAsync(State, "audit-head", head =>
        {
            var seq = (head is null ? 0 : Long(head, "seq")) + 1;
            var previous = head is null ? AuditEntry.GenesisHash : Str(head, "hash")!;
            var hash = AuditEntry.ComputeHash(seq, time, record.Actor, record.Action, record.Subject, record.Details, previous);
            entry = new AuditEntry(seq, time, record.Actor, record.Action, record.Subject, record.Details, previous, hash);
            return new JsonObject { ["seq"] = seq, ["hash"] = hash };
        }, cancellationToken).ConfigureAwait(false);
        var doc = new JsonObject
        {
            ["seq"] = entry!.Sequence,
            ["ts"] = time.ToUnixTimeMilliseconds(),
            ["actor"] = entry.Actor,
            ["action"] = entry.Action,
            ["subject"] = entry.Subject,
            ["details"] = entry.Details,
            ["prev_hash"] = entry.PreviousHash,
            ["hash"] = entry.Hash,
        };
        await PutDocAsync(Audit, Id(entry.Sequence), doc, null, 0, cancellationToken).ConfigureAwait(false);
        return entry;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string? subject, int limit, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var hits = await SearchAsync(Audit, new JsonObject
        {
            ["query"] = subject is null ? new JsonObject { ["match_all"] = new JsonObject() } : Term("subject", subject),
            ["sort"] = new JsonArray(new JsonObject { ["seq"] = new JsonObject { ["order"] = "desc", ["unmapped_type"] = "long" } }),
            ["size"] = Math.Clamp(limit, 1, 10_000),
        }, cancellationToken).ConfigureAwait(false);
        return [.. hits.Select(h => ReadAudit(h.Source))];
    }

    public async Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        // The head first: the chain read after it must reach at least that far, else its newest entries were deleted.
        var (head, _, _) = await GetDocAsync(State, "audit-head", cancellationToken).ConfigureAwait(false);
        var headSeq = head is null ? 0 : Long(head, "seq");
        await SendOkAsync(HttpMethod.Post, Audit + "/_refresh", null, cancellationToken).ConfigureAwait(false);
        var previous = AuditEntry.GenesisHash;
        long count = 0, expected = 1;
        JsonArray? after = null;
        while (true)
        {
            var body = new JsonObject { ["sort"] = new JsonArray(new JsonObject { ["seq"] = new JsonObject { ["order"] = "asc", ["unmapped_type"] = "long" } }), ["size"] = 1000 };
            if (after is not null)
            {
                body["search_after"] = after.DeepClone();
            }

            var hits = await SearchAsync(Audit, body, cancellationToken).ConfigureAwait(false);
            if (hits.Count == 0)
            {
                return headSeq > expected - 1
                    ? new AuditVerification(false, count, expected, $"entries after {expected - 1} are missing (the audit head records entry {headSeq})")
                    : new AuditVerification(true, count, null, null);
            }

            foreach (var (source, sort) in hits)
            {
                var entry = ReadAudit(source);
                count++;
                if (entry.Sequence != expected)
                {
                    return new AuditVerification(false, count, expected, $"entry {expected} is missing");
                }

                if (entry.PreviousHash != previous)
                {
                    return new AuditVerification(false, count, entry.Sequence, "previous hash does not match the entry before");
                }

                if (!entry.IsIntact())
                {
                    return new AuditVerification(false, count, entry.Sequence, "hash does not match the entry's content");
                }

                previous = entry.Hash;
                expected++;
                after = sort;
            }
        }
    }

    private static AuditEntry ReadAudit(JsonObject o) => new(
        Long(o, "seq"),
        DateTimeOffset.FromUnixTimeMilliseconds(Long(o, "ts")),
        Str(o, "actor")!,
        Str(o, "action")!,
        Str(o, "subject")!,
        Str(o, "details"),
        Str(o, "prev_hash")!,
        Str(o, "hash")!);
}
