namespace Soc.Detection.Events;

/// <summary>
/// One record as a collector ships it (the wire contract in docs/specs/wire.md): the raw line and
/// its metadata. Parsing happens in the center, so parsers improve without touching agency installs.
/// </summary>
/// <param name="Id">Deterministic record id assigned by the collector (file identity + offset, or collector id + sequence).</param>
/// <param name="SourceType">The agency's declared source type: <c>syslog</c>, <c>nginx.access</c>, <c>system.auth</c>, <c>auditd</c>, ...</param>
/// <param name="Host">The host the collector runs on.</param>
/// <param name="Source">The file path or listener (<c>tcp://127.0.0.1:5514</c>) the line came from.</param>
/// <param name="Received">When the collector read the line.</param>
/// <param name="TimeZone">IANA time zone of the source, used when a timestamp has none.</param>
/// <param name="Message">The raw line, without its line terminator.</param>
/// <param name="Peer">For network input: the sender's address.</param>
public sealed record RawRecord(
    string Id,
    string SourceType,
    string Host,
    string Source,
    DateTimeOffset Received,
    string TimeZone,
    string Message,
    string? Peer = null)
{
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";
}
