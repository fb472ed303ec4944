namespace Soc.Console.Web.Data;

/// <summary>A stored event as the console shows it: where it came from, its text and its fields as JSON.</summary>
public sealed record EventRow(string Id, string AgencyId, DateTimeOffset Timestamp, string? Dataset, string? Host, string? Message, string? Original, string FieldsJson);
