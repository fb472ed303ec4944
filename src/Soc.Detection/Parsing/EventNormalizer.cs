using System.Collections.Concurrent;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// Turns a collector's <see cref="RawRecord"/> into an ECS <see cref="LogEvent"/>: picks the parser from the declared
/// source type (or, for unknown types, from the content), then adds the record's metadata.
/// Never throws and never drops: a line no parser can read is kept with <c>event.original</c>, <c>message</c>, the
/// source metadata and the <see cref="EcsFields.ParseFailureTag"/> tag. Thread-safe; one instance serves the pipeline.
/// </summary>
/// <param name="time">The clock used to choose the year of year-less time stamps (inject a fixed one in tests).</param>
public sealed class EventNormalizer(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    public EventNormalizer()
        : this(TimeProvider.System)
    {
    }

    public LogEvent Normalize(RawRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = record.Message ?? string.Empty;
        var ev = new LogEvent(24);
        bool parsed;
        try
        {
            parsed = Parse(record.SourceType ?? string.Empty, line, ZoneFor(record.TimeZone), time.GetUtcNow(), ev);
        }
#pragma warning disable CA1031 // The pipeline's contract: whatever a parser does with a hostile line, the line is kept.
        catch (Exception)
#pragma warning restore CA1031
        {
            parsed = false;
        }

        if (!parsed)
        {
            ev = new LogEvent(12);
            ev.Message = line;
            ev.Set(EcsFields.Tags, Categories.ParseFailure);
            ev.Set(EcsFields.EventDataset, string.IsNullOrEmpty(record.SourceType) ? "unknown" : record.SourceType);
        }

        Finish(ev, record, line);
        return ev;
    }

    private static bool Parse(string sourceType, string line, TimeZoneInfo zone, DateTimeOffset now, LogEvent ev)
    {
        switch (sourceType)
        {
            case "nginx.access":
            case "apache.access":
                ev.Set(EcsFields.EventDataset, sourceType);
                return AccessLogParser.TryParse(line, ev);
            case "nginx.error":
                ev.Set(EcsFields.EventDataset, sourceType);
                return WebErrorLogParser.TryParseNginx(line, zone, ev);
            case "apache.error":
                ev.Set(EcsFields.EventDataset, sourceType);
                return WebErrorLogParser.TryParseApache(line, zone, ev);
            case "system.auth":
            case "system.syslog":
                return SyslogParser.TryParse(line, zone, now, ev, Rfc3164Mode.File, sourceType)
                    || (Reset(ev) && SyslogParser.TryParse(line, zone, now, ev, Rfc3164Mode.Network, sourceType));
            case "auditd":
                return AuditdParser.TryParse(line, ev);
            case "json":
                return JsonLineParser.TryParse(line, zone, ev);
            case "fortinet":
                return FortigateParser.TryParse(line, zone, ev) || (Reset(ev) && SyslogParser.TryParse(line, zone, now, ev, Rfc3164Mode.Network));
            case "syslog":
            case "cisco":
            case "pfsense":
                return SyslogParser.TryParse(line, zone, now, ev, Rfc3164Mode.Network);
            default:
                return Detect(line, zone, now, ev);
        }
    }

    /// <summary>Unknown source type: recognise the format from the first characters.</summary>
    private static bool Detect(string line, TimeZoneInfo zone, DateTimeOffset now, LogEvent ev)
    {
        var s = line.AsSpan().TrimStart();
        if (s.IsEmpty)
        {
            return false;
        }

        if (s[0] == '{')
        {
            return JsonLineParser.TryParse(line, zone, ev);
        }

        if (s.StartsWith("type=", StringComparison.Ordinal) || s.StartsWith("node=", StringComparison.Ordinal))
        {
            return AuditdParser.TryParse(line, ev);
        }

        if (s[0] == '<' || TimestampReader.MonthOf(s) != 0 || FortigateParser.LooksLikeFortigate(line))
        {
            return SyslogParser.TryParse(line, zone, now, ev, s[0] == '<' ? Rfc3164Mode.Network : Rfc3164Mode.File);
        }

        if (s[0] == '[')
        {
            ev.Set(EcsFields.EventDataset, "apache.error");
            return WebErrorLogParser.TryParseApache(line, zone, ev);
        }

        if (s.Length > 20 && s[4] == '/' && s[7] == '/')
        {
            ev.Set(EcsFields.EventDataset, "nginx.error");
            return WebErrorLogParser.TryParseNginx(line, zone, ev);
        }

        if (s.Contains(" [", StringComparison.Ordinal) && s.Contains("] \"", StringComparison.Ordinal))
        {
            ev.Set(EcsFields.EventDataset, "nginx.access");
            return AccessLogParser.TryParse(line, ev);
        }

        return char.IsAsciiDigit(s[0]) && SyslogParser.TryParse(line, zone, now, ev, Rfc3164Mode.File);
    }

    /// <summary>Clears a half-filled event before a second parser tries the line; always true (for chaining with ||).</summary>
    private static bool Reset(LogEvent ev)
    {
        var keys = new List<string>(ev.Fields.Keys);
        foreach (var key in keys)
        {
            ev.Remove(key);
        }

        ev.Timestamp = default;
        return true;
    }

    private static void Finish(LogEvent ev, RawRecord record, string line)
    {
        ev.Set(EcsFields.EventId, record.Id);
        ev.Set(EcsFields.EventOriginal, ev.GetString(EcsFields.EventOriginal) ?? line);
        ev.Set("event.kind", "event");
        ev.Set(EcsFields.AgentType, "soc-collector");
        if (!ev.Has(EcsFields.Message))
        {
            ev.Message = line;
        }

        if (ev.Timestamp == default)
        {
            ev.Timestamp = record.Received;
        }

        ev.Set(EcsFields.Timestamp, TimestampFormatter.Format(ev.Timestamp));
        ev.Set(EcsFields.HostName, ev.GetString(EcsFields.LogSyslogHostname) ?? record.Host);
        if (!string.IsNullOrEmpty(record.Source) && !record.Source.Contains("://", StringComparison.Ordinal))
        {
            ev.Set(EcsFields.LogFilePath, record.Source);
        }

        if (record.Peer is not null)
        {
            ev.Set("log.source.address", record.Peer);
        }

        if (line.Contains('\n', StringComparison.Ordinal))
        {
            ev.Set("log.flags", Categories.Multiline);
        }
    }

    private TimeZoneInfo ZoneFor(string? id)
    {
        id = string.IsNullOrEmpty(id) ? RawRecord.DefaultTimeZone : id;
        return _zones.GetOrAdd(id, static key =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(key);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return TimeZoneInfo.FindSystemTimeZoneById(RawRecord.DefaultTimeZone);
            }
        });
    }
}
