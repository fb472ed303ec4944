using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Console additions to the store (issue 7): triage state beside each incident, notes, the audit trail,
/// sign-in lockout, per-user preferences and saved views. Tables carry a <c>console_</c> prefix and are
/// created on first use, so this file does not touch the core schema.
/// </summary>
public sealed partial class SqliteStore
{
    private const string ConsoleSchema = """
        CREATE TABLE IF NOT EXISTS console_incident_state(
            incident_id INTEGER PRIMARY KEY REFERENCES incidents(id),
            assignee TEXT,
            category TEXT,
            closing_reason TEXT,
            acknowledged INTEGER,
            closed INTEGER);
        CREATE TABLE IF NOT EXISTS console_notes(
            id INTEGER PRIMARY KEY,
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            author TEXT NOT NULL,
            ts INTEGER NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS console_notes_incident ON console_notes(incident_id);
        CREATE TABLE IF NOT EXISTS console_audit(
            seq INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            agency_id TEXT,
            before TEXT,
            after TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS console_audit_target ON console_audit(target);
        CREATE TABLE IF NOT EXISTS console_audit_head(id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS console_sign_in(
            user_name TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until INTEGER);
        CREATE TABLE IF NOT EXISTS console_prefs(user_name TEXT PRIMARY KEY, language TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS console_views(
            id INTEGER PRIMARY KEY,
            user_name TEXT NOT NULL,
            name TEXT NOT NULL,
            query TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS console_rule_state(rule_id TEXT PRIMARY KEY, disabled INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS console_suppressions(
            id INTEGER PRIMARY KEY,
            rule_id TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            author TEXT NOT NULL,
            reason TEXT NOT NULL,
            created INTEGER NOT NULL,
            expires INTEGER);
        """;

    private volatile bool _consoleSchemaReady;

    /// <summary>A connection with the console tables present.</summary>
    internal SqliteConnection OpenConsole()
    {
        var connection = Open();
        if (!_consoleSchemaReady)
        {
            using var create = Command(connection, null, ConsoleSchema);
            create.ExecuteNonQuery();
            _consoleSchemaReady = true;
        }

        return connection;
    }

    private Task<T> ConsoleWriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using (OpenConsole())
        {
            // Only to make sure the schema exists before the write transaction starts.
        }

        return WriteAsync(work, CancellationToken.None);
    }

    private T ConsoleWrite<T>(Func<SqliteConnection, SqliteTransaction, T> work) =>
        ConsoleWriteAsync(work).GetAwaiter().GetResult();

    private static object Db(string? value) => (object?)value ?? DBNull.Value;

    private static object Db(long? value) => (object?)value ?? DBNull.Value;

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? NullableTime(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));
}
