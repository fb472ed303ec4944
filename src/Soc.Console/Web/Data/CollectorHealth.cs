namespace Soc.Console.Web.Data;

/// <summary>One agency's feed as the center sees it: the newest event, and how many arrived in the last 24 hours.</summary>
public sealed record CollectorHealth(string AgencyId, string AgencyName, DateTimeOffset? LastEvent, long Events24h);
