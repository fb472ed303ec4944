namespace Soc.Console.Web.Data;

/// <summary>A rule suppression: alerts of <see cref="RuleId"/> whose <see cref="Field"/> equals <see cref="Value"/> are not wanted, until <see cref="Expires"/>.</summary>
public sealed record Suppression(long Id, string RuleId, string Field, string Value, string Author, string Reason, DateTimeOffset Created, DateTimeOffset? Expires);
