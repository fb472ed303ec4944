using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    // Times are stored as Unix milliseconds (UTC) for range queries and as ISO text where people read them.
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS agencies(
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            parent_id TEXT REFERENCES agencies(id),
            created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS ingest_keys(
            hash TEXT PRIMARY KEY,
            agency_id TEXT NOT NULL REFERENCES agencies(id),
            created TEXT NOT NULL,
            revoked TEXT);
        CREATE TABLE IF NOT EXISTS users(
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            agency_id TEXT REFERENCES agencies(id),
            password_hash TEXT,
            created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS api_tokens(
            hash TEXT PRIMARY KEY,
            user_name TEXT NOT NULL REFERENCES users(name),
            created TEXT NOT NULL,
            revoked TEXT);
        CREATE TABLE IF NOT EXISTS events(
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            agency_id TEXT NOT NULL,
            ts INTEGER NOT NULL,
            dataset TEXT,
            host TEXT,
            message TEXT,
            original TEXT,
            fields TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS events_agency_ts ON events(agency_id, ts);
        CREATE TABLE IF NOT EXISTS incidents(
            id INTEGER PRIMARY KEY,
            agency_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            title TEXT NOT NULL,
            severity TEXT NOT NULL,
            status TEXT NOT NULL,
            host TEXT,
            entity TEXT,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            alert_count INTEGER NOT NULL,
            created TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1);
        CREATE INDEX IF NOT EXISTS incidents_group ON incidents(agency_id, rule_id, host, entity, status);
        CREATE INDEX IF NOT EXISTS incidents_last_seen ON incidents(last_seen);
        CREATE TABLE IF NOT EXISTS alerts(
            id INTEGER PRIMARY KEY,
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            agency_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            rule_title TEXT NOT NULL,
            level TEXT NOT NULL,
            author TEXT,
            tags TEXT NOT NULL,
            matched TEXT NOT NULL,
            ts INTEGER NOT NULL,
            event_id TEXT,
            host TEXT);
        CREATE INDEX IF NOT EXISTS alerts_incident ON alerts(incident_id);
        """;

    private static void CreateSchema(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }
}
