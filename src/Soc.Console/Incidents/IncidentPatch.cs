namespace Soc.Console.Incidents;

/// <summary>
/// Body of <c>PATCH /api/v1/incidents/{id}</c>. <see cref="Version"/> is the version the caller saw
/// (also accepted as If-Match); a stale one answers 409 with the incident as it is now. Omitted: no check.
/// </summary>
public sealed record IncidentPatch(long? Version, string? Status, string? ClosingReason, string? Assignee, string? Severity, string? Category, string? Note);
