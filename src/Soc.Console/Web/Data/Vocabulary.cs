using Soc.Console.Incidents;

namespace Soc.Console.Web.Data;

/// <summary>The code lists the console offers, in the order an analyst reads them (most severe first); the codes are the center's.</summary>
public static class Vocabulary
{
    public static IReadOnlyList<string> Statuses => IncidentStatuses.All;

    public static readonly IReadOnlyList<string> Severities = [.. Incidents.Severities.All.Reverse()];

    public static IEnumerable<string> Categories => NationalCategories.All.Keys;

    public static IReadOnlyList<string> ClosingReasons => Incidents.ClosingReasons.All;
}
