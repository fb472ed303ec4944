namespace Soc.Console.Security;

/// <summary>The four roles of docs/console.md.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Auditor = "auditor";
    public const string AgencyViewer = "agency-viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Auditor, AgencyViewer];
}
