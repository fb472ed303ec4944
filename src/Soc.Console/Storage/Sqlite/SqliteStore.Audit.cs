using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public Task<AuditEntry> AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken) =>
        WriteAsync((c, t) => AppendAudit(c, t, record), cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string? subject, int limit, CancellationToken cancellationToken)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT seq, ts, actor, action, subject, details, prev_hash, hash FROM audit" +
            (subject is null ? "" : " WHERE subject = $subject") + " ORDER BY seq DESC LIMIT $limit");
        if (subject is not null)
        {
            q.Parameters.AddWithValue("$subject", subject);
        }

        q.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 10_000));
        return Task.FromResult<IReadOnlyList<AuditEntry>>(ReadAll(q, ReadAudit));
    }

    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken)
    {
        // The head first: it only names committed entries, so the chain read after it reaches at least that far.
        (long Sequence, string Hash)? head = null;
        var headUnreadable = false;
        try
        {
            head = ReadAuditHead();
        }
        catch (FormatException)
        {
            headUnreadable = true;
        }

        string? hashAtHead = null;
        using var c = Open();
        using var q = Command(c, null, "SELECT seq, ts, actor, action, subject, details, prev_hash, hash FROM audit ORDER BY seq");
        using var r = q.ExecuteReader();
        var previous = AuditEntry.GenesisHash;
        long count = 0, expectedSeq = 1;
        while (r.Read())
        {
            var entry = ReadAudit(r);
            count++;
            if (entry.Sequence != expectedSeq)
            {
                return Task.FromResult(new AuditVerification(false, count, expectedSeq, $"entry {expectedSeq} is missing"));
            }

            if (entry.PreviousHash != previous)
            {
                return Task.FromResult(new AuditVerification(false, count, entry.Sequence, "previous hash does not match the entry before"));
            }

            if (!entry.IsIntact())
            {
                return Task.FromResult(new AuditVerification(false, count, entry.Sequence, "hash does not match the entry's content"));
            }

            if (entry.Sequence == head?.Sequence)
            {
                hashAtHead = entry.Hash;
            }

            previous = entry.Hash;
            expectedSeq++;
        }

        return Task.FromResult(CheckAuditHead(head, headUnreadable, count, expectedSeq - 1, hashAtHead) ?? new AuditVerification(true, count, null, null));
    }

    /// <summary>Appends inside the caller's write transaction, so a change and its audit entry commit together.</summary>
    internal static AuditEntry AppendAudit(SqliteConnection c, SqliteTransaction t, AuditRecord record)
    {
        long seq = 1;
        var previous = AuditEntry.GenesisHash;
        using (var last = Command(c, t, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
        using (var r = last.ExecuteReader())
        {
            if (r.Read())
            {
                seq = r.GetInt64(0) + 1;
                previous = r.GetString(1);
            }
        }

        // Stored at millisecond precision, so the hash is computed on what is stored.
        var time = DateTimeOffset.FromUnixTimeMilliseconds(record.Time.ToUnixTimeMilliseconds());
        var hash = AuditEntry.ComputeHash(seq, time, record.Actor, record.Action, record.Subject, record.Details, previous);
        using var insert = Command(c, t, """
            INSERT INTO audit(seq, ts, actor, action, subject, details, prev_hash, hash)
            VALUES ($seq, $ts, $actor, $action, $subject, $details, $prev, $hash)
            """);
        insert.Parameters.AddWithValue("$seq", seq);
        insert.Parameters.AddWithValue("$ts", time.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$actor", record.Actor);
        insert.Parameters.AddWithValue("$action", record.Action);
        insert.Parameters.AddWithValue("$subject", record.Subject);
        insert.Parameters.AddWithValue("$details", (object?)record.Details ?? DBNull.Value);
        insert.Parameters.AddWithValue("$prev", previous);
        insert.Parameters.AddWithValue("$hash", hash);
        insert.ExecuteNonQuery();
        var entry = new AuditEntry(seq, time, record.Actor, record.Action, record.Subject, record.Details, previous, hash);
        NoteAuditAppended(t, entry);
        return entry;
    }

    private static AuditEntry ReadAudit(SqliteDataReader r) => new(
        r.GetInt64(0),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.GetString(6),
        r.GetString(7));
}
