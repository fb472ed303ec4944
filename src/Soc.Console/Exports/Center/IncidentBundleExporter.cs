using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Soc.Console.Exports.Audit;
using Soc.Console.Exports.Bundles;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;
using Soc.Console.Hosting;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>
/// The signed audit bundle of one incident, from the store: the incident report (PDF, DOCX, JSON, CSV), the
/// raw events behind its alerts as evidence (evidence/events.jsonl, its SHA-256 listed in the report's
/// evidence), and the audit-trail run from the incident's first to its last entry with the hash-chain proof,
/// signed with the center's certificate (&lt;data&gt;/keys/report-signing.pfx, created on first use).
/// </summary>
/// <remarks>
/// The center's trail hashes entries with its own scheme (<see cref="AuditEntry"/>); the bundle carries the run
/// re-linked in the bundle scheme (<see cref="AuditChain"/>), anchored at the center's hash of the entry before
/// the run. The run is checked against the center's own hashes first; a broken run refuses the bundle.
/// </remarks>
public sealed class IncidentBundleExporter(ISocStore store, SqliteStore accounts, IncidentReportBuilder builder, CenterOptions options)
{
    public const string EventsFile = "events.jsonl";

    /// <summary>The bundle, or null when the incident is absent or out of scope.</summary>
    public async Task<ExportFile?> ExportAsync(long incidentId, IReadOnlyList<string>? agencyScope, string actor, CancellationToken cancellationToken)
    {
        var data = await builder.BuildAsync(incidentId, agencyScope, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return null;
        }

        var context = ExportContext.Now(actor);
        var events = Encoding.UTF8.GetBytes(string.Concat(data.Events.Select(e => JsonSerializer.Serialize(e, ReportJson.Options) + "\n")));
        data = data with
        {
            Evidence =
            [
                .. data.Evidence,
                new EvidenceItem(EventsFile, Convert.ToHexStringLower(SHA256.HashData(events)), events.Length, "application/x-ndjson", context.GeneratedAt, "soc", "The raw events behind the incident's alerts, as received (one JSON object a line)"),
            ],
        };
        var subject = "incident:" + incidentId.ToString(CultureInfo.InvariantCulture);
        var slice = await SliceAsync(subject, cancellationToken).ConfigureAwait(false);
        using var signer = SigningCertificates.LoadOrCreate(options.DataDir);
        var bytes = ExportFile.Render(s => IncidentBundle.Write(data, [new BundleFile(EventsFile, events)], slice, [], signer, context, s));
        var file = new ExportFile(bytes, ExportFile.Zip, $"soc-incident-{incidentId}-bundle.zip");
        await store.AppendAuditAsync(
            new Storage.AuditRecord(actor, "incident.export", subject, $"bundle, {bytes.Length} bytes, sha256 {file.Sha256}, signed by {signer.Thumbprint}", context.GeneratedAt),
            cancellationToken).ConfigureAwait(false);
        return file;
    }

    private async Task<AuditTrailSlice?> SliceAsync(string subject, CancellationToken cancellationToken)
    {
        var mine = await store.ListAuditAsync(subject, 10_000, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            return null;
        }

        var first = mine.Min(e => e.Sequence);
        var last = mine.Max(e => e.Sequence);
        IReadOnlyList<AuditEntry> run = ReferenceEquals(store, accounts)
            ? accounts.ListAuditRange(first, last)
            : [.. (await store.ListAuditAsync(null, 10_000, cancellationToken).ConfigureAwait(false)).Where(e => e.Sequence >= first && e.Sequence <= last).OrderBy(e => e.Sequence)];
        var links = new List<AuditLink>(run.Count);
        for (var i = 0; i < run.Count; i++)
        {
            var entry = run[i];
            if (!entry.IsIntact() || (i > 0 && (entry.PreviousHash != run[i - 1].Hash || entry.Sequence != run[i - 1].Sequence + 1)))
            {
                throw new InvalidDataException($"the audit trail is broken at entry {entry.Sequence}; run `soc audit verify`");
            }

            var record = new Exports.Audit.AuditRecord(entry.Sequence, entry.Time, entry.Actor, entry.Action, entry.Subject, entry.Details ?? "");
            if (i == 0)
            {
                var content = AuditChain.ContentHash(record);
                links.Add(new AuditLink(entry.Sequence, entry.PreviousHash, content, AuditChain.LinkHash(entry.PreviousHash, content), record));
            }
            else
            {
                links.Add(AuditChain.Append(links[^1], record));
            }
        }

        return AuditChain.Slice(links, r => r.Subject == subject);
    }
}
