namespace Soc.Console.Pipeline;

/// <summary>What one stored batch produced; the ingest API answers with it.</summary>
/// <param name="Received">Records in the batch.</param>
/// <param name="Stored">Records stored now.</param>
/// <param name="Duplicates">Records already stored earlier (a re-sent batch); stored once.</param>
/// <param name="Alerts">Alerts raised by the newly stored records.</param>
public sealed record IngestResult(int Received, int Stored, int Duplicates, int Alerts);
