using Soc.Console.Incidents;

namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// The operational targets of <see cref="DeadlineOptions"/> as a rule set, so the calculator treats them
/// like the legal ones: one acknowledge and one resolve rule per severity, fulfilled by the incident's
/// "acknowledged" and "resolved" milestones.
/// </summary>
public static class OperationalRuleSet
{
    public const string Id = "operational";
    public const string Acknowledge = "acknowledge";
    public const string Resolve = "resolve";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static DeadlineRuleSet From(DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.NearFraction is < 0 or > 1 || double.IsNaN(options.NearFraction))
        {
            errors.Add($"Soc:Deadlines:NearFraction must be between 0 and 1, not {options.NearFraction}");
        }

        var rules = new List<DeadlineRule>();
        foreach (var (severity, target) in options.Operational)
        {
            var key = "Soc:Deadlines:Operational:" + severity;
            if (Severities.Rank(severity) < 0)
            {
                errors.Add($"{key}: unknown severity (known: {string.Join(", ", Severities.All)})");
                continue;
            }

            if (target.AcknowledgeMinutes < 0 || target.ResolveMinutes < 0)
            {
                errors.Add($"{key}: AcknowledgeMinutes and ResolveMinutes must be zero or more");
                continue;
            }

            var level = severity.ToLowerInvariant();
            rules.Add(Rule(Acknowledge, "Tiếp nhận sự cố", level, target.AcknowledgeMinutes, Acknowledged, options.NearFraction));
            rules.Add(Rule(Resolve, "Xử lý xong sự cố", level, target.ResolveMinutes, Resolved, options.NearFraction));
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException("deadline options: " + string.Join("; ", errors));
        }

        return new DeadlineRuleSet
        {
            Id = Id,
            Version = 1,
            Title = "Mục tiêu phản ứng của SOC",
            LegalSource = "Quy định nội bộ của SOC tỉnh (Soc:Deadlines:Operational), không phải thời hạn pháp lý",
            Status = "configured",
            EffectiveFrom = DateTimeOffset.MinValue,
            Rules = rules,
        };
    }

    private static DeadlineRule Rule(string id, string label, string severity, int minutes, string milestone, double nearFraction) => new()
    {
        Id = id,
        Label = label,
        LegalSource = $"Quy định nội bộ của SOC tỉnh: Soc:Deadlines:Operational:{severity}",
        Start = DeadlineStart.Detected,
        Duration = minutes,
        Unit = DeadlineUnit.Minutes,
        NearHours = minutes * nearFraction / 60,
        Severities = [severity],
        Milestone = milestone,
    };
}
