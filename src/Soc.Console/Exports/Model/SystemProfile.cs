namespace Soc.Console.Exports.Model;

/// <summary>The affected information system (Mẫu 03 sections C and I, Mẫu 04 section C).</summary>
public sealed record SystemProfile
{
    public required string Name { get; init; }

    /// <summary>Unit operating the system (đơn vị vận hành), mandatory on the forms.</summary>
    public string? OperatingUnit { get; init; }

    /// <summary>Owning agency (cơ quan chủ quản).</summary>
    public string? OwningAgency { get; init; }

    /// <summary>Security level 1–5 when the system has been classified; null when not classified.</summary>
    public int? SecurityLevel { get; init; }

    public string? SecurityServiceProvider { get; init; }

    public string? InternetServiceProvider { get; init; }

    public string? OperatingSystem { get; init; }

    public IReadOnlyList<string> Services { get; init; } = [];

    public IReadOnlyList<string> SecurityMeasures { get; init; } = [];

    /// <summary>Public addresses only: the form asks not to list internal ones.</summary>
    public IReadOnlyList<string> PublicAddresses { get; init; } = [];

    public IReadOnlyList<string> DomainNames { get; init; } = [];

    public string? Purpose { get; init; }

    /// <summary>Log retention configured for this system, in days (shown so auditors can compare with the level's rule).</summary>
    public int? LogRetentionDays { get; init; }
}
