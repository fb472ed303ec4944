namespace Soc.Console.Storage.Elasticsearch;

/// <summary>One document for <c>_bulk</c> create: where it goes, its id, its JSON source, and whose it is (for the dead-letter index).</summary>
internal sealed record BulkDocument(string Index, string Id, string Source, string AgencyId);
