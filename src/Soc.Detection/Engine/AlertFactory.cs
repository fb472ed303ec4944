using Soc.Detection.Compilation;
using Soc.Detection.Events;

namespace Soc.Detection.Engine;

/// <summary>Builds alerts for matches: only runs after a match, so it may allocate.</summary>
internal static class AlertFactory
{
    public static Alert ForMatch(CompiledRule compiled, LogEvent ev)
    {
        var rule = compiled.Rule;
        var matched = new Dictionary<string, string>(StringComparer.Ordinal);
        compiled.Root.CollectMatched(ev, matched);
        return new Alert
        {
            RuleId = rule.Id,
            RuleTitle = rule.Title,
            Level = rule.Level,
            Author = rule.Author,
            Description = rule.Description,
            Tags = rule.Tags,
            MatchedFields = matched,
            Timestamp = ev.Timestamp,
            Event = ev,
            EventIds = ev.GetString(EcsFields.EventId) is { } id ? [id] : [],
        };
    }
}
