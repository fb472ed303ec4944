using System.Net;
using Soc.Collector.Framing;
using Soc.Collector.Records;

namespace Soc.Collector.Inputs.Syslog;

/// <summary>Turns frames of one listener into records (id left empty: the queue numbers network records).</summary>
internal sealed class SyslogRecordFactory(SyslogInputOptions options, string host, string source, SyslogInputStats stats, TimeProvider time)
{
    public string Source => source;

    public CollectorRecord Create(ReadOnlySpan<byte> payload, FrameStatus status, string? peer)
    {
        var truncated = (status & FrameStatus.Truncated) != 0;
        if (truncated)
        {
            stats.AddTruncated();
        }

        if ((status & (FrameStatus.Malformed | FrameStatus.Incomplete)) != 0)
        {
            stats.AddMalformed();
        }

        stats.AddMessage();
        return new CollectorRecord(
            "",
            options.SourceType,
            host,
            source,
            time.GetUtcNow(),
            options.TimeZone,
            Utf8Text.Decode(payload, truncated),
            peer)
        {
            Truncated = TruncationMark.Field(truncated),
        };
    }

    /// <summary>The sender's address without port; IPv4 senders on a dual-stack socket are shown as IPv4.</summary>
    public static string? Peer(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip when ip.Address.IsIPv4MappedToIPv6 => ip.Address.MapToIPv4().ToString(),
        IPEndPoint ip => ip.Address.ToString(),
        _ => endPoint?.ToString(),
    };
}
