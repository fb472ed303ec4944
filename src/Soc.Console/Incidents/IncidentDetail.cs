using Soc.Console.Storage;

namespace Soc.Console.Incidents;

/// <summary>An incident with its alerts, raw events and notes, as <c>GET /api/v1/incidents/{id}</c> returns it.</summary>
public sealed record IncidentDetail(Incident Incident, IReadOnlyList<StoredAlert> Alerts, IReadOnlyList<StoredEvent>? Events = null, IReadOnlyList<IncidentNote>? Notes = null);
