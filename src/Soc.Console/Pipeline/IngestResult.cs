namespace Soc.Console.Pipeline;

/// <summary>
/// What one stored batch produced; the ingest API answers with it. The counts are of events: one per record,
/// except that the records of one auditd event are joined into one event (<see cref="AuditJoining"/>), so
/// <see cref="Received"/> can be smaller than the number of lines sent.
/// </summary>
/// <param name="Received">Events the batch became.</param>
/// <param name="Stored">Events stored now.</param>
/// <param name="Duplicates">Events already stored earlier (a re-sent batch); stored once.</param>
/// <param name="Alerts">Alerts raised by the newly stored events.</param>
public sealed record IngestResult(int Received, int Stored, int Duplicates, int Alerts);
