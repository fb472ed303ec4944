namespace Soc.Console.Incidents;

/// <summary>Why an incident was closed; closing without one is refused.</summary>
public static class ClosingReasons
{
    public const string TruePositive = "true_positive";
    public const string BenignTruePositive = "benign_true_positive";
    public const string FalsePositive = "false_positive";
    public const string Duplicate = "duplicate";
    public const string NotAnIncident = "not_an_incident";

    public static readonly IReadOnlyList<string> All = [TruePositive, BenignTruePositive, FalsePositive, Duplicate, NotAnIncident];
}
