namespace Soc.Console.Hosting;

/// <summary>API authorization policies beyond "signed in with a token" (<see cref="Security.Policies.Api"/>).</summary>
public static class ApiPolicies
{
    /// <summary>Changing incidents: admin and analyst. Auditor and agency-viewer are read-only (403).</summary>
    public const string ChangeIncidents = "api.change-incidents";

    /// <summary>Reading the audit trail and reloading rules: admin (and auditor for reading).</summary>
    public const string Audit = "api.audit";

    public const string Admin = "api.admin";
}
