namespace Soc.Collector.Buffering;

/// <summary>What opening the queue found on disk: whole records kept and damaged bytes cut away.</summary>
public sealed record QueueRecoveryReport(int Segments, long UnacknowledgedRecords, long DamagedBytes, int DamagedSegments);
