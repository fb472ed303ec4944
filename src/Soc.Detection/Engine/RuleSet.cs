using Soc.Detection.Compilation;
using Soc.Detection.Events;
using Soc.Detection.Matching;

namespace Soc.Detection.Engine;

/// <summary>
/// The rules one dataset routes to, with the candidate index: per gated field one merged
/// case-insensitive trigram-indexed search (<see cref="LiteralGate"/>) over every required literal of the rules gated on it. A rule is evaluated
/// only when one of its gates found a literal (or it has no gate).
/// </summary>
internal sealed class RuleSet
{
    private const int MaxGates = 64;

    public RuleSet(List<CompiledRule> rules, bool useIndex)
    {
        var gates = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (useIndex)
        {
            foreach (var r in rules)
            {
                if (r.RequiredLiterals is null || r.RequiredLiterals.Count == 0)
                {
                    continue;
                }

                foreach (var (field, literal) in r.RequiredLiterals)
                {
                    if (!gates.TryGetValue(field, out var set))
                    {
                        if (gates.Count == MaxGates)
                        {
                            continue;
                        }

                        gates[field] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    }

                    set.Add(literal);
                }
            }
        }

        GateFields = [.. gates.Keys];
        GateSearches = [.. GateFields.Select(f => new LiteralGate(gates[f]))];
        Masks = new ulong[rules.Count];
        for (var n = 0; n < rules.Count; n++)
        {
            var r = rules[n];
            ulong mask = 0;
            if (useIndex && r.RequiredLiterals is { Count: > 0 })
            {
                foreach (var (field, _) in r.RequiredLiterals)
                {
                    var i = Array.IndexOf(GateFields, field);
                    if (i < 0)
                    {
                        mask = 0;
                        break;
                    }

                    mask |= 1UL << i;
                }
            }

            Masks[n] = mask;
        }

        // Ungated rules first is irrelevant for correctness; keep rule order stable for deterministic alerts.
        Rules = [.. rules];
    }

    public CompiledRule[] Rules { get; }

    /// <summary>Per rule (same index as <see cref="Rules"/>): the gates that admit it; 0 when always evaluated.</summary>
    public ulong[] Masks { get; }
    public string[] GateFields { get; }
    public LiteralGate[] GateSearches { get; }
    /// <summary>Bit i set when gate i found one of its literals (or its field holds a non-string value).</summary>
    public ulong OpenGates(LogEvent ev)
    {
        ulong open = 0;
        for (var i = 0; i < GateFields.Length; i++)
        {
            if (ev.TryGet(GateFields[i], out var value) && value is not null)
            {
                if (value is not string s || GateSearches[i].AnyIn(s))
                {
                    open |= 1UL << i;
                }
            }
        }

        return open;
    }
}
