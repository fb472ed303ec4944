namespace Soc.Console.Web.Data;

/// <summary>
/// Response-time targets per severity, the basis of the incident clocks: how long an incident may wait
/// to be acknowledged and to be closed. Tighter for what hurts more; set from the provincial SOC's
/// working practice (acknowledge a critical within the quarter hour, resolve within a working half-day).
/// </summary>
public static class ResponseTargets
{
    public static TimeSpan AcknowledgeWithin(string severity) => severity switch
    {
        "critical" => TimeSpan.FromMinutes(15),
        "high" => TimeSpan.FromHours(1),
        "medium" => TimeSpan.FromHours(4),
        _ => TimeSpan.FromHours(24),
    };

    public static TimeSpan ResolveWithin(string severity) => severity switch
    {
        "critical" => TimeSpan.FromHours(4),
        "high" => TimeSpan.FromHours(24),
        "medium" => TimeSpan.FromDays(3),
        _ => TimeSpan.FromDays(7),
    };
}
