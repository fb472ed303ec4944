using System.Globalization;
using Soc.Console.Exports.Deadlines;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Legal milestones of incidents (issue 8): the forms issued with a number (<c>report_numbers</c>) and those
/// recorded by hand (<c>incident_milestones</c>, for reports sent outside Soc). The deadline clocks read both.
/// </summary>
public sealed partial class SqliteStore
{
    /// <summary>Adds a milestone reached outside Soc. The caller checks the name and audits.</summary>
    public Task RecordMilestoneAsync(RecordedMilestone milestone, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            ArgumentNullException.ThrowIfNull(milestone);
            using var insert = Command(c, t, """
                INSERT INTO incident_milestones(incident_id, milestone, at, note, recorded_by, recorded_at)
                VALUES ($incident, $milestone, $at, $note, $by, $recorded)
                """);
            insert.Parameters.AddWithValue("$incident", milestone.IncidentId);
            insert.Parameters.AddWithValue("$milestone", milestone.Milestone);
            insert.Parameters.AddWithValue("$at", milestone.At.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$note", (object?)milestone.Note ?? DBNull.Value);
            insert.Parameters.AddWithValue("$by", milestone.RecordedBy);
            insert.Parameters.AddWithValue("$recorded", milestone.RecordedAt.ToUnixTimeMilliseconds());
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>The milestones recorded by hand for one incident, oldest first.</summary>
    public IReadOnlyList<RecordedMilestone> ListRecordedMilestones(long incidentId)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT incident_id, milestone, at, note, recorded_by, recorded_at FROM incident_milestones WHERE incident_id = $incident ORDER BY at, id");
        q.Parameters.AddWithValue("$incident", incidentId);
        return ReadAll(q, r => new RecordedMilestone(
            r.GetInt64(0),
            r.GetString(1),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)),
            r.IsDBNull(3) ? null : r.GetString(3),
            r.GetString(4),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5))));
    }

    /// <summary>
    /// Milestones of many incidents in one query (the queue's page, a notification scan's page): per incident,
    /// the first issue of each form template and the earliest time of each milestone recorded by hand.
    /// Incidents with none are absent from the result.
    /// </summary>
    public Dictionary<long, IncidentMilestones> Milestones(IReadOnlyCollection<long> incidentIds)
    {
        ArgumentNullException.ThrowIfNull(incidentIds);
        var result = new Dictionary<long, IncidentMilestones>();
        if (incidentIds.Count == 0)
        {
            return result;
        }

        using var c = Open();
        // The ids go in as one JSON array parameter, so the statement is the same for any page size.
        using var q = Command(c, null, """
            SELECT incident_id, 0, template, min(issued_at) FROM report_numbers
             WHERE template IS NOT NULL AND incident_id IN (SELECT value FROM json_each($ids))
             GROUP BY incident_id, template
            UNION ALL
            SELECT incident_id, 1, milestone, min(at) FROM incident_milestones
             WHERE incident_id IN (SELECT value FROM json_each($ids))
             GROUP BY incident_id, milestone
            """);
        q.Parameters.AddWithValue("$ids", "[" + string.Join(",", incidentIds.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]");
        var forms = new Dictionary<long, Dictionary<string, DateTimeOffset>>();
        var recorded = new Dictionary<long, Dictionary<string, DateTimeOffset>>();
        using (var r = q.ExecuteReader())
        {
            while (r.Read())
            {
                var into = r.GetInt32(1) == 0 ? forms : recorded;
                var id = r.GetInt64(0);
                if (!into.TryGetValue(id, out var map))
                {
                    into[id] = map = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                }

                map[r.GetString(2)] = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3));
            }
        }

        var empty = new Dictionary<string, DateTimeOffset>();
        foreach (var id in forms.Keys.Union(recorded.Keys))
        {
            result[id] = new IncidentMilestones(forms.GetValueOrDefault(id) ?? empty, recorded.GetValueOrDefault(id) ?? empty);
        }

        return result;
    }
}
