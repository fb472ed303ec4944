namespace Soc.Console.Storage;

/// <summary>One agency's events as the store holds them: the newest event's time and how many arrived in the 24 hours before the dashboard's "now".</summary>
public sealed record AgencyFeed(string AgencyId, DateTimeOffset? LastEvent, long Events24h);
