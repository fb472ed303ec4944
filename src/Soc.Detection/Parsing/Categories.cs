using System.Collections.ObjectModel;

namespace Soc.Detection.Parsing;

/// <summary>
/// Shared, read-only ECS array values (event.category, event.type): one instance for all events, so setting them
/// costs no allocation. <see cref="ReadOnlyCollection{T}"/> of string is an <c>IReadOnlyList&lt;object?&gt;</c> by covariance.
/// </summary>
internal static class Categories
{
    public static readonly ReadOnlyCollection<string> Authentication = Of("authentication");
    public static readonly ReadOnlyCollection<string> AuthenticationSession = Of("authentication", "session");
    public static readonly ReadOnlyCollection<string> Session = Of("session");
    public static readonly ReadOnlyCollection<string> Process = Of("process");
    public static readonly ReadOnlyCollection<string> Iam = Of("iam");
    public static readonly ReadOnlyCollection<string> Web = Of("web");
    public static readonly ReadOnlyCollection<string> Network = Of("network");
    public static readonly ReadOnlyCollection<string> File = Of("file");
    public static readonly ReadOnlyCollection<string> Configuration = Of("configuration");
    public static readonly ReadOnlyCollection<string> AuthSuccess = Of("authentication_success", "info");
    public static readonly ReadOnlyCollection<string> AuthFailure = Of("authentication_failure", "info");
    public static readonly ReadOnlyCollection<string> Start = Of("start");
    public static readonly ReadOnlyCollection<string> End = Of("end");
    public static readonly ReadOnlyCollection<string> Access = Of("access");
    public static readonly ReadOnlyCollection<string> Error = Of("error");
    public static readonly ReadOnlyCollection<string> Info = Of("info");
    public static readonly ReadOnlyCollection<string> Allowed = Of("connection", "allowed");
    public static readonly ReadOnlyCollection<string> Denied = Of("connection", "denied");
    public static readonly ReadOnlyCollection<string> Connection = Of("connection");
    public static readonly ReadOnlyCollection<string> Change = Of("change");
    public static readonly ReadOnlyCollection<string> UserCreation = Of("user", "creation");
    public static readonly ReadOnlyCollection<string> UserChange = Of("user", "change");
    public static readonly ReadOnlyCollection<string> UserDeletion = Of("user", "deletion");
    public static readonly ReadOnlyCollection<string> GroupCreation = Of("group", "creation");
    public static readonly ReadOnlyCollection<string> GroupChange = Of("group", "change");
    public static readonly ReadOnlyCollection<string> GroupDeletion = Of("group", "deletion");
    public static readonly ReadOnlyCollection<string> Multiline = Of("multiline");
    public static readonly ReadOnlyCollection<string> ParseFailure = Of(Events.EcsFields.ParseFailureTag);

    private static ReadOnlyCollection<string> Of(params string[] values) => Array.AsReadOnly(values);
}
