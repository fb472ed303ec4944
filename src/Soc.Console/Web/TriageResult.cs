namespace Soc.Console.Web;

/// <summary>What a console triage action came to.</summary>
public enum TriageResult
{
    Changed,
    NotFound,
    Forbidden,
    Refused,
    Conflict,
}
