using Microsoft.Data.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Appends one audit entry in its own transaction (for actions that change nothing else here, such as sign-in or export).</summary>
    public void Audit(string actor, string action, string target, string? agencyId = null, string? before = null, string? after = null) =>
        ConsoleWrite((c, t) => AppendAudit(c, t, actor, action, target, agencyId, before, after));

    /// <summary>Audit entries newest first, optionally only those whose actor, action or target contains <paramref name="text"/>.</summary>
    public IReadOnlyList<AuditEntry> ListAudit(string? text, int limit, int offset = 0)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, AuditColumns + """
             WHERE $text IS NULL OR instr(actor, $text) > 0 OR instr(action, $text) > 0 OR instr(target, $text) > 0
             ORDER BY seq DESC LIMIT $limit OFFSET $offset
            """);
        q.Parameters.AddWithValue("$text", Db(string.IsNullOrWhiteSpace(text) ? null : text.Trim()));
        q.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 100_000));
        q.Parameters.AddWithValue("$offset", Math.Max(offset, 0));
        return ReadAudit(q);
    }

    /// <summary>Audit entries about one target (for example <c>incident:12</c>), oldest first.</summary>
    public IReadOnlyList<AuditEntry> AuditFor(string target)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, AuditColumns + " WHERE target = $target ORDER BY seq");
        q.Parameters.AddWithValue("$target", target);
        return ReadAudit(q);
    }

    /// <summary>Walks the whole chain, oldest first, and checks that the last entry is the recorded head (a deleted tail shows).</summary>
    public AuditVerification VerifyAudit()
    {
        using var c = OpenConsole();
        using var q = Command(c, null, AuditColumns + " ORDER BY seq");
        var result = AuditChain.Verify(StreamAudit(q));
        if (!result.Ok)
        {
            return result;
        }

        using var head = Command(c, null, "SELECT seq, hash FROM console_audit_head WHERE id = 1");
        using var r = head.ExecuteReader();
        if (r.Read() && (r.GetInt64(0) != result.Checked))
        {
            return new AuditVerification(false, result.Checked, r.GetInt64(0), $"entry {r.GetInt64(0)} is missing (the trail ends at {result.Checked})");
        }

        return result;
    }

    private static long AppendAudit(SqliteConnection c, SqliteTransaction t, string actor, string action, string target, string? agencyId, string? before, string? after)
    {
        string previous = AuditChain.Genesis;
        long seq = 1;
        using (var last = Command(c, t, "SELECT seq, hash FROM console_audit ORDER BY seq DESC LIMIT 1"))
        using (var r = last.ExecuteReader())
        {
            if (r.Read())
            {
                seq = r.GetInt64(0) + 1;
                previous = r.GetString(1);
            }
        }

        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var hash = AuditChain.Hash(previous, seq, at, actor, action, target, agencyId, before, after);
        using (var insert = Command(c, t, """
            INSERT INTO console_audit(seq, ts, actor, action, target, agency_id, before, after, prev_hash, hash)
            VALUES ($seq, $ts, $actor, $action, $target, $agency, $before, $after, $prev, $hash)
            """))
        {
            insert.Parameters.AddWithValue("$seq", seq);
            insert.Parameters.AddWithValue("$ts", at);
            insert.Parameters.AddWithValue("$actor", actor);
            insert.Parameters.AddWithValue("$action", action);
            insert.Parameters.AddWithValue("$target", target);
            insert.Parameters.AddWithValue("$agency", Db(agencyId));
            insert.Parameters.AddWithValue("$before", Db(before));
            insert.Parameters.AddWithValue("$after", Db(after));
            insert.Parameters.AddWithValue("$prev", previous);
            insert.Parameters.AddWithValue("$hash", hash);
            insert.ExecuteNonQuery();
        }

        using var head = Command(c, t, "INSERT INTO console_audit_head(id, seq, hash) VALUES (1, $seq, $hash) ON CONFLICT(id) DO UPDATE SET seq = $seq, hash = $hash");
        head.Parameters.AddWithValue("$seq", seq);
        head.Parameters.AddWithValue("$hash", hash);
        head.ExecuteNonQuery();
        return seq;
    }

    private const string AuditColumns = "SELECT seq, ts, actor, action, target, agency_id, before, after, prev_hash, hash FROM console_audit";

    private static List<AuditEntry> ReadAudit(SqliteCommand q) => [.. StreamAudit(q)];

    private static IEnumerable<AuditEntry> StreamAudit(SqliteCommand q)
    {
        using var r = q.ExecuteReader();
        while (r.Read())
        {
            yield return new AuditEntry(
                r.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)),
                r.GetString(2),
                r.GetString(3),
                r.GetString(4),
                NullableString(r, 5),
                NullableString(r, 6),
                NullableString(r, 7),
                r.GetString(8),
                r.GetString(9));
        }
    }
}
