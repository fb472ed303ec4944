using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// Turns a collector's <see cref="RawRecord"/> into an ECS <see cref="LogEvent"/>.
/// Never throws and never drops: a line no parser can read is kept with its original text and the
/// <see cref="EcsFields.ParseFailureTag"/> tag.
/// </summary>
public sealed class EventNormalizer(TimeProvider time)
{
    public EventNormalizer()
        : this(TimeProvider.System)
    {
    }

    public LogEvent Normalize(RawRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ev = new LogEvent();
        ev.Set(EcsFields.EventId, record.Id);
        ev.Set(EcsFields.EventOriginal, record.Message);
        ev.Set(EcsFields.EventDataset, record.SourceType);
        ev.Set(EcsFields.AgentType, "soc-collector");
        ev.SetIfPresent(EcsFields.LogFilePath, record.Source);
        ev.Timestamp = record.Received;
        bool parsed;
        try
        {
            parsed = record.SourceType switch
            {
                _ => Rfc3164Parser.TryParse(record.Message, ZoneFor(record.TimeZone), time.GetUtcNow(), ev),
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            parsed = false;
        }

        if (!parsed)
        {
            MarkFailure(ev, record);
        }

        ev.SetIfPresent(EcsFields.HostName, ev.GetString(EcsFields.LogSyslogHostname) ?? record.Host);
        if (record.Peer is not null)
        {
            ev.Set("log.source.address", record.Peer);
        }

        ev.Set(EcsFields.Timestamp, ev.Timestamp.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        return ev;
    }

    private static void MarkFailure(LogEvent ev, RawRecord record)
    {
        ev.Message = record.Message;
        ev.Set(EcsFields.Tags, new[] { EcsFields.ParseFailureTag });
        ev.Timestamp = record.Received;
    }

    private static TimeZoneInfo ZoneFor(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(id) ? RawRecord.DefaultTimeZone : id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(RawRecord.DefaultTimeZone);
        }
    }
}
