namespace Soc.Console.Storage.Elasticsearch;

/// <summary>What became of one document of a <c>_bulk</c> request.</summary>
internal enum BulkOutcome
{
    Created,

    /// <summary>409: a document with this id was already stored (a re-sent record).</summary>
    AlreadyStored,

    /// <summary>400-class: Elasticsearch will never take it; kept in the dead-letter index with the reason.</summary>
    DeadLettered,
}
