using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Soc.Console.Incidents;
using Soc.Detection.Engine;

namespace Soc.Console.Storage.Elasticsearch;

public sealed partial class ElasticsearchStore
{
    public async Task<IReadOnlyList<Incident>> ListIncidentsAsync(IncidentFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        JsonObject? Eq(string field, string? value) => value is null ? null : Term(field, value);
        var descending = filter.Sort is null || !filter.Sort.StartsWith('+');
        var key = filter.Sort?.TrimStart('+', '-') switch
        {
            "first_seen" => "first_seen",
            "severity" => "severity_rank",
            "alert_count" => "alert_count",
            "id" => "id",
            _ => "last_seen",
        };
        var order = descending ? "desc" : "asc";
        var body = new JsonObject
        {
            ["query"] = Filters([Scope("agency_id", filter.AgencyScope), Eq("status", filter.Status), Eq("severity", filter.Severity), Eq("assignee", filter.Assignee), Eq("rule_id", filter.RuleId), Eq("category", filter.Category)]),
            ["sort"] = new JsonArray(new JsonObject { [key] = new JsonObject { ["order"] = order, ["unmapped_type"] = "long" } }, new JsonObject { ["id"] = new JsonObject { ["order"] = order, ["unmapped_type"] = "long" } }),
            ["from"] = Math.Max(filter.Offset, 0),
            ["size"] = Math.Clamp(filter.Limit, 1, 1000),
        };
        return [.. (await SearchAsync(Incidents, body, cancellationToken).ConfigureAwait(false)).Select(h => ReadIncident(h.Source))];
    }

    public async Task<Incident?> GetIncidentAsync(long id, IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var (source, _, _) = await GetDocAsync(Incidents, Id(id), cancellationToken).ConfigureAwait(false);
        var incident = source is null ? null : ReadIncident(source);
        return incident is not null && (agencyScope is null || agencyScope.Contains(incident.AgencyId)) ? incident : null;
    }

    public async Task<IReadOnlyList<StoredAlert>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var range = new JsonObject();
        if (filter.From is DateTimeOffset from)
        {
            range["gte"] = from.ToUnixTimeMilliseconds();
        }

        if (filter.To is DateTimeOffset to)
        {
            range["lte"] = to.ToUnixTimeMilliseconds();
        }

        var body = new JsonObject
        {
            ["query"] = Filters(
            [
                Scope("agency_id", filter.AgencyScope),
                filter.IncidentId is long i ? new JsonObject { ["term"] = new JsonObject { ["incident_id"] = i } } : null,
                filter.RuleId is null ? null : Term("rule_id", filter.RuleId),
                range.Count > 0 ? new JsonObject { ["range"] = new JsonObject { ["ts"] = range } } : null,
            ]),
            ["sort"] = new JsonArray(new JsonObject { ["ts"] = new JsonObject { ["order"] = "desc", ["unmapped_type"] = "long" } }, new JsonObject { ["id"] = new JsonObject { ["order"] = "desc", ["unmapped_type"] = "long" } }),
            ["from"] = Math.Max(filter.Offset, 0),
            ["size"] = Math.Clamp(filter.Limit, 1, 1000),
        };
        return [.. (await SearchAsync(AlertsIndex, body, cancellationToken).ConfigureAwait(false)).Select(h => ReadAlert(h.Source))];
    }

    public async Task<IReadOnlyList<string>> IncidentEventIdsAsync(long incidentId, int limit, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        foreach (var hit in await SearchAsync(AlertsIndex, new JsonObject
        {
            ["query"] = new JsonObject { ["term"] = new JsonObject { ["incident_id"] = incidentId } },
            ["size"] = 1000,
            ["_source"] = new JsonArray("event_ids"),
        }, cancellationToken).ConfigureAwait(false))
        {
            foreach (var id in hit.Source["event_ids"]?.AsArray() ?? [])
            {
                if (id?.GetValue<string>() is { } s && !ids.Contains(s) && ids.Count < limit)
                {
                    ids.Add(s);
                }
            }
        }

        return ids;
    }

    public async Task<IReadOnlyList<IncidentNote>> NotesAsync(long incidentId, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var hits = await SearchAsync(Notes, new JsonObject
        {
            ["query"] = new JsonObject { ["term"] = new JsonObject { ["incident_id"] = incidentId } },
            ["sort"] = new JsonArray(new JsonObject { ["ts"] = new JsonObject { ["order"] = "asc", ["unmapped_type"] = "long" } }),
            ["size"] = 1000,
        }, cancellationToken).ConfigureAwait(false);
        return [.. hits.Select(h => new IncidentNote(incidentId, Str(h.Source, "author")!, DateTimeOffset.FromUnixTimeMilliseconds(Long(h.Source, "ts")), Str(h.Source, "text")!))];
    }

    public async Task<IncidentUpdateResult> UpdateIncidentAsync(long id, long expectedVersion, IncidentChange change, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var (source, seqNo, term) = await GetDocAsync(Incidents, Id(id), cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return IncidentUpdateResult.NotFound;
        }

        var current = ReadIncident(source);
        if (current.Version != expectedVersion)
        {
            return IncidentUpdateResult.Conflict(current);
        }

        var now = DateTimeOffset.UtcNow;
        var doc = source.DeepClone().AsObject();
        var status = change.Status ?? current.Status;
        doc["status"] = status;
        doc["closing_reason"] = status == IncidentStatuses.Closed ? change.ClosingReason ?? current.ClosingReason : null;
        if (change.Assignee is not null)
        {
            doc["assignee"] = change.Assignee.Length == 0 ? null : change.Assignee;
        }

        if (change.Severity is not null)
        {
            doc["severity"] = change.Severity;
            doc["severity_rank"] = Severities.Rank(change.Severity);
        }

        if (change.Category is not null)
        {
            doc["category"] = change.Category;
        }

        // The response times are stored as durations (time_to_ack_ms, time_to_resolve_ms) so the dashboard's
        // means are plain avg aggregations, with no script per document.
        var detected = (current.DetectedAt ?? current.FirstSeen).ToUnixTimeMilliseconds();
        if (status != IncidentStatuses.New && current.AcknowledgedAt is null)
        {
            doc["acknowledged_at"] = now.ToUnixTimeMilliseconds();
            doc["time_to_ack_ms"] = now.ToUnixTimeMilliseconds() - detected;
        }

        doc["closed_at"] = status == IncidentStatuses.Closed ? current.ClosedAt?.ToUnixTimeMilliseconds() ?? now.ToUnixTimeMilliseconds() : null;
        doc["time_to_resolve_ms"] = doc["closed_at"] is JsonValue closed ? closed.GetValue<long>() - detected : null;
        doc["version"] = current.Version + 1;
        // if_seq_no makes this the concurrency check: a change by another node since our GET answers 409.
        if (!await PutDocAsync(Incidents, Id(id), doc, seqNo, term, cancellationToken).ConfigureAwait(false))
        {
            return IncidentUpdateResult.Conflict(await GetIncidentAsync(id, null, cancellationToken).ConfigureAwait(false));
        }

        if (change.Note is not null)
        {
            var note = new JsonObject { ["incident_id"] = id, ["author"] = actor, ["ts"] = now.ToUnixTimeMilliseconds(), ["text"] = change.Note };
            await SendOkAsync(HttpMethod.Post, Notes + "/_doc?refresh=true", note, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (action, details) in IncidentAudit.Describe(current, change))
        {
            await AppendAuditAsync(new AuditRecord(actor, action, "incident:" + Id(id), details, now), cancellationToken).ConfigureAwait(false);
        }

        return IncidentUpdateResult.Updated(ReadIncident(doc));
    }

    /// <summary>Dedupes by fingerprint and groups by rule and entity, as the SQLite store does, with state documents instead of a transaction.</summary>
    private async Task GroupAlertAsync(string agencyId, Alert alert, IncidentPolicy policy, CancellationToken cancellationToken)
    {
        var fingerprint = AlertFingerprint.Compute(agencyId, alert, policy.DedupeWindow);
        var ts = alert.Timestamp.ToUnixTimeMilliseconds();
        var (head, _, _) = await GetDocAsync(State, "fp-" + fingerprint, cancellationToken).ConfigureAwait(false);
        if (head is not null)
        {
            var known = Long(head, "incident_id");
            var (incident, _, _) = await GetDocAsync(Incidents, Id(known), cancellationToken).ConfigureAwait(false);
            if (incident is not null && Str(incident, "status") != IncidentStatuses.Closed)
            {
                await BumpIncidentAsync(known, ts, cancellationToken).ConfigureAwait(false);
                await UpsertAlertAsync(agencyId, known, fingerprint, alert, ts, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var incidentId = await FindOrOpenIncidentAsync(agencyId, alert, ts, policy, cancellationToken).ConfigureAwait(false);
        await UpsertAlertAsync(agencyId, incidentId, fingerprint, alert, ts, cancellationToken).ConfigureAwait(false);
        await UpdateDocAsync(State, "fp-" + fingerprint, _ => new JsonObject { ["incident_id"] = incidentId }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> FindOrOpenIncidentAsync(string agencyId, Alert alert, long ts, IncidentPolicy policy, CancellationToken cancellationToken)
    {
        var host = AlertFingerprint.HostOf(alert);
        var entity = AlertFingerprint.EntityOf(alert);
        var groupKey = "group-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', agencyId, alert.RuleId, entity ?? "", host ?? ""))));
        long? linked = null;
        var (head, _, _) = await GetDocAsync(State, groupKey, cancellationToken).ConfigureAwait(false);
        if (head is not null)
        {
            var id = Long(head, "incident_id");
            var (incident, _, _) = await GetDocAsync(Incidents, Id(id), cancellationToken).ConfigureAwait(false);
            if (incident is not null && Long(incident, "last_seen") >= ts - (long)policy.Lookback.TotalMilliseconds)
            {
                if (Str(incident, "status") != IncidentStatuses.Closed)
                {
                    await BumpIncidentAsync(id, ts, cancellationToken).ConfigureAwait(false);
                    return id;
                }

                linked = id;
                if (policy.ReopenClosed)
                {
                    await UpdateDocAsync(Incidents, Id(id), doc =>
                    {
                        doc!["status"] = IncidentStatuses.New;
                        doc["closing_reason"] = null;
                        doc["closed_at"] = null;
                        doc["time_to_resolve_ms"] = null;
                        doc["reopen_count"] = Long(doc, "reopen_count") + 1;
                        doc["alert_count"] = Long(doc, "alert_count") + 1;
                        doc["last_seen"] = Math.Max(Long(doc, "last_seen"), ts);
                        doc["version"] = Long(doc, "version") + 1;
                        return doc;
                    }, cancellationToken).ConfigureAwait(false);
                    await AppendAuditAsync(new AuditRecord("system", "incident.reopened", "incident:" + Id(id), "new alert of rule " + alert.RuleId, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
                    return id;
                }
            }
        }

        var newId = await NextIdAsync("incident", cancellationToken).ConfigureAwait(false);
        var doc = new JsonObject
        {
            ["id"] = newId,
            ["agency_id"] = agencyId,
            ["rule_id"] = alert.RuleId,
            ["title"] = alert.RuleTitle,
            ["severity"] = alert.Level,
            ["severity_rank"] = Severities.Rank(alert.Level),
            ["status"] = IncidentStatuses.New,
            ["host"] = host,
            ["entity"] = entity,
            ["first_seen"] = ts,
            ["last_seen"] = ts,
            ["alert_count"] = 1,
            ["version"] = 1,
            ["category"] = NationalCategories.FromTags(alert.Tags),
            ["techniques"] = new JsonArray([.. NationalCategories.TechniquesFromTags(alert.Tags).Select(t => (JsonNode)t)]),
            ["detected_at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["linked_incident_id"] = linked,
            ["reopen_count"] = 0,
        };
        await PutDocAsync(Incidents, Id(newId), doc, null, 0, cancellationToken).ConfigureAwait(false);
        await UpdateDocAsync(State, groupKey, _ => new JsonObject { ["incident_id"] = newId }, cancellationToken).ConfigureAwait(false);
        return newId;
    }

    private Task<JsonObject> BumpIncidentAsync(long id, long ts, CancellationToken cancellationToken) =>
        UpdateDocAsync(Incidents, Id(id), doc =>
        {
            doc!["alert_count"] = Long(doc, "alert_count") + 1;
            doc["last_seen"] = Math.Max(Long(doc, "last_seen"), ts);
            doc["first_seen"] = Math.Min(Long(doc, "first_seen"), ts);
            doc["version"] = Long(doc, "version") + 1;
            return doc;
        }, cancellationToken);

    private async Task UpsertAlertAsync(string agencyId, long incidentId, string fingerprint, Alert alert, long ts, CancellationToken cancellationToken)
    {
        var docId = fingerprint + "-" + Id(incidentId);
        var (existing, _, _) = await GetDocAsync(AlertsIndex, docId, cancellationToken).ConfigureAwait(false);
        var alertId = existing is null ? await NextIdAsync("alert", cancellationToken).ConfigureAwait(false) : Long(existing, "id");
        await UpdateDocAsync(AlertsIndex, docId, doc =>
        {
            if (doc is null)
            {
                return new JsonObject
                {
                    ["id"] = alertId,
                    ["incident_id"] = incidentId,
                    ["agency_id"] = agencyId,
                    ["rule_id"] = alert.RuleId,
                    ["rule_title"] = alert.RuleTitle,
                    ["level"] = alert.Level,
                    ["author"] = alert.Author,
                    ["tags"] = JsonSerializer.SerializeToNode(alert.Tags),
                    ["matched"] = JsonSerializer.Serialize(alert.MatchedFields),
                    ["ts"] = ts,
                    ["last_seen"] = ts,
                    ["count"] = 1,
                    ["fingerprint"] = fingerprint,
                    ["host"] = AlertFingerprint.HostOf(alert),
                    ["message"] = alert.Event?.Message,
                    ["event_id"] = alert.EventIds.Count > 0 ? alert.EventIds[^1] : null,
                    ["event_ids"] = new JsonArray([.. alert.EventIds.Select(e => (JsonNode)e)]),
                };
            }

            doc["count"] = Long(doc, "count") + 1;
            doc["last_seen"] = Math.Max(Long(doc, "last_seen"), ts);
            var ids = doc["event_ids"]?.AsArray() ?? [];
            // Links to raw events are capped per alert; the count keeps growing.
            foreach (var e in alert.EventIds)
            {
                if (ids.Count < 100)
                {
                    ids.Add(e);
                }
            }

            doc["event_ids"] = ids.DeepClone();
            return doc;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Incident ReadIncident(JsonObject o) => new(
        Long(o, "id"),
        Str(o, "agency_id")!,
        Str(o, "rule_id")!,
        Str(o, "title")!,
        Str(o, "severity")!,
        Str(o, "status")!,
        Str(o, "host"),
        Str(o, "entity"),
        DateTimeOffset.FromUnixTimeMilliseconds(Long(o, "first_seen")),
        DateTimeOffset.FromUnixTimeMilliseconds(Long(o, "last_seen")),
        (int)Long(o, "alert_count"),
        Long(o, "version"),
        Str(o, "assignee"),
        Str(o, "closing_reason"),
        Str(o, "category"),
        [.. (o["techniques"]?.AsArray() ?? []).Select(t => t!.GetValue<string>())],
        Time(o, "detected_at"),
        Time(o, "acknowledged_at"),
        Time(o, "closed_at"),
        NullableLong(o, "linked_incident_id"),
        (int)Long(o, "reopen_count"));

    private static StoredAlert ReadAlert(JsonObject o) => new(
        Long(o, "id"),
        Long(o, "incident_id"),
        Str(o, "rule_id")!,
        Str(o, "rule_title")!,
        Str(o, "level")!,
        Str(o, "author"),
        [.. (o["tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>())],
        JsonSerializer.Deserialize<Dictionary<string, string>>(Str(o, "matched") ?? "{}") ?? [],
        DateTimeOffset.FromUnixTimeMilliseconds(Long(o, "ts")),
        Str(o, "event_id"),
        Str(o, "host"),
        Str(o, "message"),
        Str(o, "agency_id")!,
        Str(o, "fingerprint")!,
        (int)Long(o, "count"),
        DateTimeOffset.FromUnixTimeMilliseconds(Long(o, "last_seen")));
}
