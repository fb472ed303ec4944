namespace Soc.Console.Web.Data;

/// <summary>The closed sets of codes the console offers: statuses, severities, national categories, closing reasons.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Statuses = ["new", "acknowledged", "in_progress", "closed"];

    public static readonly IReadOnlyList<string> Severities = ["critical", "high", "medium", "low", "informational"];

    /// <summary>Incident categories used when reporting upward to the national coordination centre.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["malware", "intrusion", "brute_force", "ddos", "phishing", "data_leak", "defacement", "scanning", "policy", "other"];

    public static readonly IReadOnlyList<string> ClosingReasons = ["true_positive", "false_positive", "benign", "duplicate"];
}
