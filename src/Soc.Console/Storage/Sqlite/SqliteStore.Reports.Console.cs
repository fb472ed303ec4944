using System.Globalization;
using Microsoft.Data.Sqlite;
using Soc.Console.Exports.Center;
using Soc.Console.Exports.Numbering;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Reports (issue 8): the agency profile the national forms print (columns added to <c>agencies</c>) and
/// report numbers per agency (<c>report_numbers</c>). Both are added create-if-absent when the store opens,
/// so an existing soc.db gains them on the first start of a newer center.
/// </summary>
public sealed partial class SqliteStore
{
    private static readonly string[] ProfileColumns =
    [
        "address", "phone", "email", "document_code", "network_member_code", "locality",
        "contact_name", "contact_position", "contact_phone", "contact_email",
    ];

    // One row per issued number. (agency, series, year, sequence) is unique, so even two processes
    // (the center and `soc report form`) cannot hand out the same number: the second insert fails.
    private const string ReportSchema = """
        CREATE TABLE IF NOT EXISTS report_numbers(
            id INTEGER PRIMARY KEY,
            agency_id TEXT NOT NULL,
            series TEXT NOT NULL,
            year INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            number TEXT NOT NULL,
            template TEXT,
            incident_id INTEGER,
            issued_at INTEGER NOT NULL,
            issued_by TEXT NOT NULL,
            UNIQUE(agency_id, series, year, sequence));
        CREATE INDEX IF NOT EXISTS report_numbers_incident ON report_numbers(incident_id, template, issued_at);
        """;

    private static void CreateReportSchema(SqliteConnection connection)
    {
        var present = ColumnsOf(connection, "agencies");
        foreach (var column in ProfileColumns.Where(c => !present.Contains(c)))
        {
            using var alter = Command(connection, null, $"ALTER TABLE agencies ADD COLUMN {column} TEXT");
            alter.ExecuteNonQuery();
        }

        using var create = Command(connection, null, ReportSchema);
        create.ExecuteNonQuery();
    }

    /// <summary>The agency's report profile; null when the agency does not exist.</summary>
    public AgencyDetails? GetAgencyDetails(string agencyId)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT " + string.Join(", ", ProfileColumns) + " FROM agencies WHERE id = $id");
        q.Parameters.AddWithValue("$id", agencyId);
        using var r = q.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new AgencyDetails
        {
            Address = S(0),
            Phone = S(1),
            Email = S(2),
            DocumentCode = S(3),
            NetworkMemberCode = S(4),
            Locality = S(5),
            ContactName = S(6),
            ContactPosition = S(7),
            ContactPhone = S(8),
            ContactEmail = S(9),
        };
    }

    /// <summary>Replaces the agency's report profile; returns false when the agency does not exist. The caller audits.</summary>
    public bool SetAgencyDetails(string agencyId, AgencyDetails details) => Write((c, t) =>
    {
        ArgumentNullException.ThrowIfNull(details);
        using var update = Command(c, t, "UPDATE agencies SET " + string.Join(", ", ProfileColumns.Select(col => $"{col} = ${col}")) + " WHERE id = $id");
        for (var i = 0; i < ProfileColumns.Length; i++)
        {
            update.Parameters.AddWithValue("$" + ProfileColumns[i], (object?)details.Get(AgencyDetails.FieldNames[i]) ?? DBNull.Value);
        }

        update.Parameters.AddWithValue("$id", agencyId);
        return update.ExecuteNonQuery() == 1;
    });

    /// <summary>
    /// Takes the next number of the agency's series for the local year and records what it was issued for,
    /// in one write transaction (the store's single writer, BEGIN IMMEDIATE across processes).
    /// </summary>
    public ReportNumber IssueReportNumber(Exports.Model.AgencyProfile agency, string series, DateTimeOffset issuedAt, ReportNumberUse use)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(use);
        var year = ReportNumberFormat.Year(issuedAt);
        return Write((c, t) =>
        {
            int next;
            using (var last = Command(c, t, "SELECT coalesce(max(sequence), 0) FROM report_numbers WHERE agency_id = $agency AND series = $series AND year = $year"))
            {
                last.Parameters.AddWithValue("$agency", agency.Id);
                last.Parameters.AddWithValue("$series", series);
                last.Parameters.AddWithValue("$year", year);
                next = Convert.ToInt32(last.ExecuteScalar(), CultureInfo.InvariantCulture) + 1;
            }

            var number = ReportNumberFormat.Make(agency, series, year, next);
            using var insert = Command(c, t, """
                INSERT INTO report_numbers(agency_id, series, year, sequence, number, template, incident_id, issued_at, issued_by)
                VALUES ($agency, $series, $year, $sequence, $number, $template, $incident, $at, $by)
                """);
            insert.Parameters.AddWithValue("$agency", agency.Id);
            insert.Parameters.AddWithValue("$series", series);
            insert.Parameters.AddWithValue("$year", year);
            insert.Parameters.AddWithValue("$sequence", next);
            insert.Parameters.AddWithValue("$number", number.Text);
            insert.Parameters.AddWithValue("$template", (object?)use.Template ?? DBNull.Value);
            insert.Parameters.AddWithValue("$incident", (object?)use.IncidentId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$at", issuedAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$by", use.IssuedBy);
            insert.ExecuteNonQuery();
            return number;
        });
    }

    /// <summary>Numbers issued, newest first: for one incident (and template) or all.</summary>
    public IReadOnlyList<IssuedReportNumber> ListReportNumbers(long? incidentId, string? template, int limit = 100)
    {
        using var c = Open();
        using var q = Command(c, null, "");
        var where = new List<string>();
        if (incidentId is { } incident)
        {
            where.Add("incident_id = $incident");
            q.Parameters.AddWithValue("$incident", incident);
        }

        if (template is not null)
        {
            where.Add("template = $template");
            q.Parameters.AddWithValue("$template", template);
        }

        q.CommandText = "SELECT agency_id, series, year, sequence, number, template, incident_id, issued_at, issued_by FROM report_numbers"
            + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + " ORDER BY issued_at DESC, id DESC LIMIT $limit";
        q.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 10_000));
        return ReadAll(q, r => new IssuedReportNumber(
            new ReportNumber(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4)),
            r.IsDBNull(5) ? null : r.GetString(5),
            r.IsDBNull(6) ? null : r.GetInt64(6),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)),
            r.GetString(8)));
    }

    /// <summary>Audit entries with sequence numbers in [from, to], in order: the run a bundle's hash-chain proof covers.</summary>
    public IReadOnlyList<AuditEntry> ListAuditRange(long fromSequence, long toSequence)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT seq, ts, actor, action, subject, details, prev_hash, hash FROM audit WHERE seq BETWEEN $from AND $to ORDER BY seq");
        q.Parameters.AddWithValue("$from", fromSequence);
        q.Parameters.AddWithValue("$to", toSequence);
        return ReadAll(q, ReadAudit);
    }
}
