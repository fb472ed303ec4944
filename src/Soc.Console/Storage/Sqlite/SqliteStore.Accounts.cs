using Microsoft.Data.Sqlite;
using Soc.Console.Security;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Creates an agency and returns its first ingest key (shown once; only its hash is kept).</summary>
    public string AddAgency(string id, string name, string? parentId, int retentionMonths = 12) => Write((c, t) =>
    {
        using (var insert = Command(c, t, "INSERT INTO agencies(id, name, parent_id, retention_months, created) VALUES ($id, $name, $parent, $months, $now)"))
        {
            insert.Parameters.AddWithValue("$months", retentionMonths);
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$parent", (object?)parentId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$now", Now());
            insert.ExecuteNonQuery();
        }

        return AddIngestKey(c, t, id);
    });

    public Agency? FindAgency(string id)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT id, name, parent_id, retention_months FROM agencies WHERE id = $id");
        q.Parameters.AddWithValue("$id", id);
        using var r = q.ExecuteReader();
        return r.Read() ? ReadAgency(r) : null;
    }

    public IReadOnlyList<Agency> ListAgencies()
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT id, name, parent_id, retention_months FROM agencies ORDER BY id");
        return ReadAll(q, ReadAgency);
    }

    /// <summary>Active ingest keys per agency (only hashes are kept, so this is a count and dates).</summary>
    public IReadOnlyList<(string AgencyId, string Created, string? Revoked)> ListIngestKeys()
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT agency_id, created, revoked FROM ingest_keys ORDER BY agency_id, created");
        return ReadAll(q, r => (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
    }

    /// <summary>Revokes every active key of the agency and returns a new one (shown once).</summary>
    public string RotateIngestKey(string agencyId) => Write((c, t) =>
    {
        RevokeKeys(c, t, agencyId);
        return AddIngestKey(c, t, agencyId);
    });

    /// <summary>Revokes every active key of the agency; returns how many. Its collectors get 401 from now on.</summary>
    public int RevokeIngestKeys(string agencyId) => Write((c, t) => RevokeKeys(c, t, agencyId));

    public int SetRetention(string agencyId, int months) => Write((c, t) =>
    {
        using var update = Command(c, t, "UPDATE agencies SET retention_months = $months WHERE id = $id");
        update.Parameters.AddWithValue("$months", months);
        update.Parameters.AddWithValue("$id", agencyId);
        return update.ExecuteNonQuery();
    });

    private static int RevokeKeys(SqliteConnection c, SqliteTransaction t, string agencyId)
    {
        using var revoke = Command(c, t, "UPDATE ingest_keys SET revoked = $now WHERE agency_id = $agency AND revoked IS NULL");
        revoke.Parameters.AddWithValue("$now", Now());
        revoke.Parameters.AddWithValue("$agency", agencyId);
        return revoke.ExecuteNonQuery();
    }

    private static Agency ReadAgency(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3));

    /// <summary>The agency an ingest key belongs to, or null for an unknown or revoked key.</summary>
    public string? AgencyForIngestKey(string key)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT agency_id FROM ingest_keys WHERE hash = $hash AND revoked IS NULL");
        q.Parameters.AddWithValue("$hash", Secrets.Hash(key));
        return q.ExecuteScalar() as string;
    }

    public void AddUser(string name, string role, string? agencyId, string? passwordHash) => Write((c, t) =>
    {
        using var insert = Command(c, t, "INSERT INTO users(name, role, agency_id, password_hash, created) VALUES ($name, $role, $agency, $hash, $now)");
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$role", role);
        insert.Parameters.AddWithValue("$agency", (object?)agencyId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$hash", (object?)passwordHash ?? DBNull.Value);
        insert.Parameters.AddWithValue("$now", Now());
        return insert.ExecuteNonQuery();
    });

    public UserAccount? FindUser(string name)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT name, role, agency_id, password_hash FROM users WHERE name = $name");
        q.Parameters.AddWithValue("$name", name);
        using var r = q.ExecuteReader();
        return r.Read() ? ReadUser(r) : null;
    }

    public int CountUsers()
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT count(*) FROM users");
        return Convert.ToInt32(q.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Creates an API token for a user and returns it (shown once; only its hash is kept).</summary>
    public string CreateToken(string userName) => Write((c, t) =>
    {
        var token = Secrets.Create("soct");
        using var insert = Command(c, t, "INSERT INTO api_tokens(hash, user_name, created) VALUES ($hash, $user, $now)");
        insert.Parameters.AddWithValue("$hash", Secrets.Hash(token));
        insert.Parameters.AddWithValue("$user", userName);
        insert.Parameters.AddWithValue("$now", Now());
        insert.ExecuteNonQuery();
        return token;
    });

    /// <summary>The user an API token belongs to, or null for an unknown or revoked token.</summary>
    public UserAccount? UserForToken(string token)
    {
        using var c = Open();
        using var q = Command(c, null, """
            SELECT u.name, u.role, u.agency_id, u.password_hash FROM api_tokens k JOIN users u ON u.name = k.user_name
            WHERE k.hash = $hash AND k.revoked IS NULL
            """);
        q.Parameters.AddWithValue("$hash", Secrets.Hash(token));
        using var r = q.ExecuteReader();
        return r.Read() ? ReadUser(r) : null;
    }

    /// <summary>The agency and every agency below it, for subtree-scoped queries.</summary>
    public IReadOnlyList<string> AgencySubtree(string agencyId)
    {
        using var c = Open();
        using var q = Command(c, null, """
            WITH RECURSIVE tree(id) AS (SELECT $id UNION ALL SELECT a.id FROM agencies a JOIN tree ON a.parent_id = tree.id)
            SELECT id FROM tree
            """);
        q.Parameters.AddWithValue("$id", agencyId);
        using var r = q.ExecuteReader();
        var ids = new List<string>();
        while (r.Read())
        {
            ids.Add(r.GetString(0));
        }

        return ids;
    }

    private static string AddIngestKey(SqliteConnection c, SqliteTransaction t, string agencyId)
    {
        var key = Secrets.Create("soca");
        using var insert = Command(c, t, "INSERT INTO ingest_keys(hash, agency_id, created) VALUES ($hash, $agency, $now)");
        insert.Parameters.AddWithValue("$hash", Secrets.Hash(key));
        insert.Parameters.AddWithValue("$agency", agencyId);
        insert.Parameters.AddWithValue("$now", Now());
        insert.ExecuteNonQuery();
        return key;
    }

    private static UserAccount ReadUser(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
}
