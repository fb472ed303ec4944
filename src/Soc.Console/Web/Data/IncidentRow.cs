using Soc.Console.Storage;

namespace Soc.Console.Web.Data;

/// <summary>An incident with the triage state the console keeps beside it.</summary>
public sealed record IncidentRow(Incident Incident, IncidentState State);
