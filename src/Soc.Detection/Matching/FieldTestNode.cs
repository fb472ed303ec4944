using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>
/// One detection item: a field (its mapped names, first present wins), its compiled values, and how they
/// combine. A null Sigma value matches an absent or null field.
/// </summary>
public sealed class FieldTestNode(string sigmaField, string[] fields, ValueMatcher[] matchers, FieldTestMode mode, bool matchesNull) : MatchNode
{
    public string SigmaField { get; } = sigmaField;
    public string[] Fields { get; } = fields;
    public ValueMatcher[] Matchers { get; } = matchers;
    public FieldTestMode Mode { get; } = mode;
    public bool MatchesNull { get; } = matchesNull;

    public override int Cost
    {
        get
        {
            var max = 1;
            foreach (var m in Matchers)
            {
                max = Math.Max(max, m.Cost);
            }

            return Mode == FieldTestMode.All ? max * Matchers.Length : max;
        }
    }

    public override bool Eval(LogEvent ev)
    {
        if (!EventValues.TryGet(ev, Fields, out var value) || value is null)
        {
            return Mode switch
            {
                FieldTestMode.NotExists => true,
                FieldTestMode.Any => MatchesNull,
                FieldTestMode.All => MatchesNull && Matchers.Length == 0,
                _ => false,
            };
        }

        switch (Mode)
        {
            case FieldTestMode.Exists:
                return true;
            case FieldTestMode.NotExists:
                return false;
            case FieldTestMode.All:
                if (MatchesNull)
                {
                    return false;
                }

                foreach (var m in Matchers)
                {
                    if (!EventValues.Test(value, m))
                    {
                        return false;
                    }
                }

                return true;
            default:
                foreach (var m in Matchers)
                {
                    if (EventValues.Test(value, m))
                    {
                        return Mode == FieldTestMode.Any;
                    }
                }

                return Mode == FieldTestMode.NotEqual;
        }
    }

    public override void CollectMatched(LogEvent ev, Dictionary<string, string> matched)
    {
        ArgumentNullException.ThrowIfNull(matched);
        if (Eval(ev) && EventValues.TryGet(ev, Fields, out var value) && value is not null)
        {
            foreach (var f in Fields)
            {
                if (ev.Has(f))
                {
                    matched[f] = EventValues.Format(value);
                    break;
                }
            }
        }
    }
}
