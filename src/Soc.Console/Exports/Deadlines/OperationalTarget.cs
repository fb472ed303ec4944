namespace Soc.Console.Exports.Deadlines;

/// <summary>The center's own response targets for one severity (not a legal deadline).</summary>
public sealed class OperationalTarget
{
    public int AcknowledgeMinutes { get; set; }

    public int ResolveMinutes { get; set; }
}
