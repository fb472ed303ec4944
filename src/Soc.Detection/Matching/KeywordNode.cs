using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>
/// Keywords (values without a field): a substring search in <c>message</c>, or in every string field when
/// configured. Any keyword matches, or all of them with <c>all</c>.
/// </summary>
public sealed class KeywordNode(ValueMatcher[] matchers, bool all, bool allFields) : MatchNode
{
    public ValueMatcher[] Matchers { get; } = matchers;
    public bool All { get; } = all;
    public bool AllFields { get; } = allFields;

    public override int Cost => (AllFields ? 20 : 1) * (All ? Matchers.Length : 1) * 4;

    public override bool Eval(LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        foreach (var m in Matchers)
        {
            var hit = Search(ev, m);
            if (hit != All)
            {
                return hit;
            }
        }

        return All;
    }

    private bool Search(LogEvent ev, ValueMatcher m)
    {
        if (!AllFields)
        {
            return ev.GetString(EcsFields.Message) is { } msg && m.Match(msg);
        }

        foreach (var kv in ev.Fields)
        {
            if (kv.Value is string s && m.Match(s))
            {
                return true;
            }
        }

        return false;
    }

    public override void CollectMatched(LogEvent ev, Dictionary<string, string> matched)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(matched);
        if (ev.GetString(EcsFields.Message) is { } msg)
        {
            matched[EcsFields.Message] = msg;
        }
    }
}
