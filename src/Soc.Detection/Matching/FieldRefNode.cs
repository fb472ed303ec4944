using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>
/// <c>fieldref</c>: the field's value compared with another field's value of the same event (exact, or
/// startswith/endswith/contains when chained), case-insensitive unless <c>cased</c>.
/// </summary>
public sealed class FieldRefNode(string[] fields, string[] otherFields, PatternKind kind, StringComparison comparison) : MatchNode
{
    public override int Cost => 3;

    public override bool Eval(LogEvent ev)
    {
        if (!EventValues.TryGet(ev, fields, out var a) || a is null || !EventValues.TryGet(ev, otherFields, out var b) || b is null)
        {
            return false;
        }

        var left = EventValues.Format(a);
        var right = EventValues.Format(b);
        return kind switch
        {
            PatternKind.Prefix => left.StartsWith(right, comparison),
            PatternKind.Suffix => left.EndsWith(right, comparison),
            PatternKind.Contains => left.Contains(right, comparison),
            _ => string.Equals(left, right, comparison),
        };
    }

    public override void CollectMatched(LogEvent ev, Dictionary<string, string> matched)
    {
        ArgumentNullException.ThrowIfNull(matched);
        if (Eval(ev) && EventValues.TryGet(ev, fields, out var a))
        {
            matched[fields[0]] = EventValues.Format(a);
        }
    }
}
