namespace Soc.Console.Exports.Model;

/// <summary>A stored event behind an alert, with its original text exactly as received.</summary>
public sealed record EvidenceEvent(string RecordId, DateTimeOffset At, string? Host, string? Dataset, string Original);
