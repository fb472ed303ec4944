using Soc.Console.Web.Data;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Alerts per rule since <paramref name="since"/> within the scope, folded repeats included.</summary>
    public Task<IReadOnlyDictionary<string, long>> RuleHitsAsync(IReadOnlyList<string>? agencyScope, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var c = Open();
        var hits = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (rule, count) in Top(c, agencyScope, $"SELECT rule_id, sum(count) FROM alerts WHERE last_seen >= {since.ToUnixTimeMilliseconds()}", "GROUP BY 1"))
        {
            hits[rule] = count;
        }

        return Task.FromResult<IReadOnlyDictionary<string, long>>(hits);
    }

    public IReadOnlySet<string> DisabledRules()
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT rule_id FROM console_rule_state WHERE disabled = 1");
        using var r = q.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    }

    public void SetRuleDisabled(string ruleId, bool disabled) => ConsoleWrite((c, t) =>
    {
        using var upsert = Command(c, t, "INSERT INTO console_rule_state(rule_id, disabled) VALUES ($id, $d) ON CONFLICT(rule_id) DO UPDATE SET disabled = $d");
        upsert.Parameters.AddWithValue("$id", ruleId);
        upsert.Parameters.AddWithValue("$d", disabled ? 1 : 0);
        return upsert.ExecuteNonQuery();
    });

    /// <summary>Suppressions not yet expired, newest first.</summary>
    public IReadOnlyList<Suppression> ActiveSuppressions(DateTimeOffset now)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT id, rule_id, field, value, author, reason, created, expires FROM console_suppressions WHERE expires IS NULL OR expires > $now ORDER BY id DESC");
        q.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        using var r = q.ExecuteReader();
        var list = new List<Suppression>();
        while (r.Read())
        {
            list.Add(new Suppression(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), r.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7))));
        }

        return list;
    }

    public long AddSuppression(string ruleId, string field, string value, string author, string reason, DateTimeOffset? expires) => ConsoleWrite((c, t) =>
    {
        using var insert = Command(c, t, """
            INSERT INTO console_suppressions(rule_id, field, value, author, reason, created, expires)
            VALUES ($rule, $field, $value, $author, $reason, $created, $expires) RETURNING id
            """);
        insert.Parameters.AddWithValue("$rule", ruleId);
        insert.Parameters.AddWithValue("$field", field);
        insert.Parameters.AddWithValue("$value", value);
        insert.Parameters.AddWithValue("$author", author);
        insert.Parameters.AddWithValue("$reason", reason);
        insert.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$expires", expires is { } e ? e.ToUnixTimeMilliseconds() : DBNull.Value);
        return (long)insert.ExecuteScalar()!;
    });

    /// <summary>Ends a suppression now (kept, with its expiry set, so the record of it stays).</summary>
    public bool EndSuppression(long id) => ConsoleWrite((c, t) =>
    {
        using var update = Command(c, t, "UPDATE console_suppressions SET expires = $now WHERE id = $id AND (expires IS NULL OR expires > $now)");
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return update.ExecuteNonQuery() == 1;
    });
}
