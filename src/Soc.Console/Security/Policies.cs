namespace Soc.Console.Security;

/// <summary>Authorization policy names (registered in <see cref="Web.ConsoleSetup"/>).</summary>
public static class Policies
{
    /// <summary>API endpoints: bearer token only (no cookies, so no cross-site request forgery).</summary>
    public const string Api = "api";

    /// <summary>Console actions that change incidents: admin and analyst.</summary>
    public const string Triage = "triage";

    /// <summary>Console audit trail and exports: admin and auditor.</summary>
    public const string Audit = "audit";

    /// <summary>Agencies, users, keys and rule changes: admin only.</summary>
    public const string Admin = "admin";
}
