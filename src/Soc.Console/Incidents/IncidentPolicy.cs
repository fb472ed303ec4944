namespace Soc.Console.Incidents;

/// <summary>How alerts become incidents (bound from <c>Soc:Incidents</c>).</summary>
public sealed class IncidentPolicy
{
    /// <summary>How far back an incident of the same rule and entity absorbs a new alert.</summary>
    public int LookbackHours { get; set; } = 24;

    /// <summary>Repeats of one alert fingerprint within this window raise its count instead of adding an alert.</summary>
    public int DedupeWindowSeconds { get; set; } = 600;

    /// <summary>A new alert for a closed incident reopens it (true) or opens a new incident linked to it (false).</summary>
    public bool ReopenClosed { get; set; }

    public TimeSpan Lookback => TimeSpan.FromHours(LookbackHours);

    public TimeSpan DedupeWindow => TimeSpan.FromSeconds(Math.Max(1, DedupeWindowSeconds));
}
