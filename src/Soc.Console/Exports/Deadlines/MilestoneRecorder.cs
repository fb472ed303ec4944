using System.Globalization;
using System.Security.Claims;
using Soc.Console.Exports.Common;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// Records a legal milestone reached outside Soc (a report sent on paper or by another system), for the
/// incident page's "mark sent" and <c>POST /api/v1/incidents/{id}/milestones</c>: admin and analyst only,
/// scoped like every read, the name one the legal rules know, the time not in the future; audited as
/// <c>incident.milestone</c>.
/// </summary>
public sealed class MilestoneRecorder(ISocStore store, SqliteStore accounts, IncidentDeadlines deadlines, TimeProvider time)
{
    public const int MaxNoteLength = 2000;

    /// <summary>Clock skew allowed between the person's stated time and the server's.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public async Task<(MilestoneOutcome Outcome, string? Problem)> RecordAsync(
        ClaimsPrincipal user, long incidentId, string? milestone, DateTimeOffset? at, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.CanTriage())
        {
            return (MilestoneOutcome.Forbidden, null);
        }

        if (await store.GetIncidentAsync(incidentId, UserClaims.AgencyScope(user, accounts), cancellationToken).ConfigureAwait(false) is null)
        {
            return (MilestoneOutcome.NotFound, null);
        }

        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(milestone) || !deadlines.ManualMilestones.Contains(milestone))
        {
            return (MilestoneOutcome.Invalid, "milestone must be one of: " + string.Join(", ", deadlines.ManualMilestones.Order(StringComparer.Ordinal)));
        }

        if (at is not { } when || when > now + FutureTolerance)
        {
            return (MilestoneOutcome.Invalid, "at: the time the report was sent (ISO 8601 with offset), not in the future");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return (MilestoneOutcome.Invalid, $"note: at most {MaxNoteLength} characters");
        }

        var actor = user.Name();
        await accounts.RecordMilestoneAsync(new RecordedMilestone(incidentId, milestone, when, note, actor, now), cancellationToken).ConfigureAwait(false);
        await store.AppendAuditAsync(
            new AuditRecord(
                actor,
                "incident.milestone",
                "incident:" + incidentId.ToString(CultureInfo.InvariantCulture),
                $"{milestone} sent {ReportClock.IsoLocal(when)}" + (note is null ? "" : ": " + note),
                now),
            cancellationToken).ConfigureAwait(false);
        return (MilestoneOutcome.Recorded, null);
    }
}
