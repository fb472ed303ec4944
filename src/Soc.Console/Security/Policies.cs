namespace Soc.Console.Security;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>API endpoints: bearer token only (no cookies, so no cross-site request forgery).</summary>
    public const string Api = "api";
}
