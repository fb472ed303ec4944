using Soc.Console.Pipeline;
using Soc.Console.Storage;
using Soc.Detection.Engine;
using Soc.Detection.Events;

namespace Soc.Console.Tests.Support;

/// <summary>Builds normalised events and alerts directly, so store tests need neither parsers nor rules.</summary>
public static class Events
{
    public static readonly DateTimeOffset Base = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    public static LogEvent Event(string id, string message, DateTimeOffset? at = null, string host = "web01", string? sourceIp = null, string dataset = "system.auth", long? port = null)
    {
        var ev = new LogEvent { Timestamp = at ?? Base };
        ev.Set(EcsFields.EventId, id);
        ev.Set(EcsFields.Timestamp, (at ?? Base).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        ev.Set(EcsFields.Message, message);
        ev.Set(EcsFields.HostName, host);
        ev.Set(EcsFields.EventDataset, dataset);
        ev.Set(EcsFields.EventCategory, new List<string> { "authentication" });
        if (sourceIp is not null)
        {
            ev.Set(EcsFields.SourceIp, sourceIp);
        }

        if (port is not null)
        {
            ev.Set(EcsFields.SourcePort, port.Value);
        }

        return ev;
    }

    public static Alert Alert(LogEvent ev, string ruleId = "rule-ssh-root", string level = "high", params string[] tags) => new()
    {
        RuleId = ruleId,
        RuleTitle = "SSH Password Login As Root Failed",
        Level = level,
        Author = "Soc project",
        Tags = tags.Length > 0 ? tags : ["attack.credential-access", "attack.t1110.001", "soc.category.unauthorised-access"],
        Timestamp = ev.Timestamp,
        Event = ev,
        EventIds = [ev.GetString(EcsFields.EventId)!],
        MatchedFields = new Dictionary<string, string> { ["user.name"] = "root" },
    };

    public static EventBatch Batch(string agency, params LogEvent[] events) =>
        new(agency, [.. events.Select(e => new ProcessedEvent(e, []))]);

    public static EventBatch BatchWithAlerts(string agency, params (LogEvent Event, Alert[] Alerts)[] items) =>
        new(agency, [.. items.Select(i => new ProcessedEvent(i.Event, i.Alerts))]);
}
