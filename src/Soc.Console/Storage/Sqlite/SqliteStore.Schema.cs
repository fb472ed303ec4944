using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    // Times are stored as Unix milliseconds (UTC) for range queries and as ISO text where people read them.
    // Indexes follow the console's queries: events by time key, by agency and time key, by host and time key;
    // incidents by agency and last seen, by grouping key; alerts by fingerprint, incident and time.
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS agencies(
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            parent_id TEXT REFERENCES agencies(id),
            retention_months INTEGER NOT NULL DEFAULT 12,
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
            fields TEXT NOT NULL,
            tkey INTEGER,
            source_ip TEXT);
        -- Event indexes, the full-text index and its delete trigger are made by CreateEventTimeKeys
        -- (SqliteStore.TimeKey.cs), after a database from before time keys has been given them.
        -- No (dataset, time) index: a handful of datasets makes it unselective (a dataset filter walks the time
        -- index instead), and each index costs every insert on the single writer (~8 % measured, bench/RESULTS.md).
        DROP INDEX IF EXISTS events_dataset_ts;
        -- Messages are indexed in bulk after the commit, not by a trigger inside it (SqliteStore.TextIndex.cs):
        -- the trigger cost ~70 µs of the writer's time per event, one INSERT … SELECT over a backlog ~6 µs.
        -- A database made while the trigger existed is fully indexed, so its watermark starts at its last row.
        CREATE TABLE IF NOT EXISTS text_index_state(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            indexed_seq INTEGER NOT NULL);
        INSERT OR IGNORE INTO text_index_state(id, indexed_seq) VALUES (1, (SELECT coalesce(max(seq), 0) FROM events));
        DROP TRIGGER IF EXISTS events_fts_insert;
        CREATE TABLE IF NOT EXISTS incidents(
            id INTEGER PRIMARY KEY,
            agency_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            title TEXT NOT NULL,
            severity TEXT NOT NULL,
            severity_rank INTEGER NOT NULL DEFAULT -1,
            status TEXT NOT NULL,
            host TEXT,
            entity TEXT,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            alert_count INTEGER NOT NULL,
            created TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            assignee TEXT,
            closing_reason TEXT,
            category TEXT,
            techniques TEXT NOT NULL DEFAULT '[]',
            detected_at INTEGER,
            acknowledged_at INTEGER,
            closed_at INTEGER,
            linked_incident_id INTEGER,
            reopen_count INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS incidents_group ON incidents(agency_id, rule_id, entity, host, last_seen);
        CREATE INDEX IF NOT EXISTS incidents_agency_last_seen ON incidents(agency_id, last_seen);
        CREATE INDEX IF NOT EXISTS incidents_last_seen ON incidents(last_seen);
        CREATE INDEX IF NOT EXISTS incidents_status_last_seen ON incidents(status, last_seen);
        CREATE INDEX IF NOT EXISTS incidents_severity ON incidents(severity_rank, last_seen);
        CREATE INDEX IF NOT EXISTS incidents_status_severity ON incidents(status, severity_rank, last_seen);
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
            host TEXT,
            fingerprint TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 1,
            last_seen INTEGER NOT NULL,
            UNIQUE(fingerprint, incident_id));
        CREATE INDEX IF NOT EXISTS alerts_incident ON alerts(incident_id, ts);
        CREATE INDEX IF NOT EXISTS alerts_agency_ts ON alerts(agency_id, ts);
        CREATE INDEX IF NOT EXISTS alerts_ts ON alerts(ts);
        CREATE TABLE IF NOT EXISTS incident_events(
            incident_id INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            PRIMARY KEY(incident_id, event_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS incident_notes(
            id INTEGER PRIMARY KEY,
            incident_id INTEGER NOT NULL REFERENCES incidents(id),
            author TEXT NOT NULL,
            ts INTEGER NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS incident_notes_incident ON incident_notes(incident_id, ts);
        CREATE TABLE IF NOT EXISTS audit(
            seq INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            details TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_subject ON audit(subject, seq);
        -- Append-only: the application never updates or deletes the trail; the hash chain catches anyone who does it by hand.
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TABLE IF NOT EXISTS notifications_sent(
            incident_id INTEGER NOT NULL,
            deadline TEXT NOT NULL,
            state TEXT NOT NULL,
            channel TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            PRIMARY KEY(incident_id, deadline, state, channel)) WITHOUT ROWID;
        -- The latest heartbeat of each collector (SqliteStore.Heartbeats.cs); control-plane data, kept here in both storage modes.
        CREATE TABLE IF NOT EXISTS collector_heartbeats(
            agency_id TEXT NOT NULL,
            collector_id TEXT NOT NULL,
            host TEXT,
            version TEXT,
            started_at INTEGER,
            received_at INTEGER NOT NULL,
            interval_seconds INTEGER NOT NULL,
            records_read INTEGER NOT NULL,
            records_shipped INTEGER NOT NULL,
            dropped_too_large INTEGER NOT NULL,
            dropped_queue_full INTEGER NOT NULL,
            dropped_malformed INTEGER NOT NULL,
            truncated INTEGER NOT NULL,
            queue_depth INTEGER NOT NULL,
            oldest_unsent_seconds INTEGER NOT NULL,
            PRIMARY KEY(agency_id, collector_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS incident_milestones(
            id INTEGER PRIMARY KEY,
            incident_id INTEGER NOT NULL,
            milestone TEXT NOT NULL,
            at INTEGER NOT NULL,
            note TEXT,
            recorded_by TEXT NOT NULL,
            recorded_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS incident_milestones_incident ON incident_milestones(incident_id, milestone, at);
        """;

    private static void CreateSchema(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        CreateEventTimeKeys(connection); // SqliteStore.TimeKey.cs: time keys, event indexes, full-text index
        CreateSourceIpIndex(connection); // SqliteStore.SourceIp.cs: the address column and its index
        CreateReportSchema(connection); // SqliteStore.Reports.Console.cs: agency profile columns, report numbers
    }

    // The columns a table has now: a database made by an older version gains new ones with ALTER TABLE.
    private static HashSet<string> ColumnsOf(SqliteConnection connection, string table)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var info = Command(connection, null, $"PRAGMA table_info({table})");
        using var r = info.ExecuteReader();
        while (r.Read())
        {
            present.Add(r.GetString(1));
        }

        return present;
    }
}
