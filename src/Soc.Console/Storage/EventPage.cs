namespace Soc.Console.Storage;

/// <summary>One page of events, newest first; <paramref name="Cursor"/> is null on the last page.</summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, string? Cursor);
