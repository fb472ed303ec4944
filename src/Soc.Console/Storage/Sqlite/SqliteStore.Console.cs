using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Console additions to the store (issue 7): sign-in lockout, per-user preferences, saved views,
/// rule switches and suppressions — what the center's storage contract does not cover. Tables carry a <c>console_</c> prefix and are
/// created on first use, so this file does not touch the core schema.
/// </summary>
public sealed partial class SqliteStore
{
    private const string ConsoleSchema = """
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

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
