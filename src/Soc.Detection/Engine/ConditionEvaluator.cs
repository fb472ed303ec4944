using Soc.Detection.Sigma;

namespace Soc.Detection.Engine;

/// <summary>
/// Evaluates a Sigma condition string by recursive descent: <c>or</c> binds weaker than <c>and</c>,
/// which binds weaker than <c>not</c>; parentheses; <c>1 of x*</c>, <c>all of x*</c>, <c>them</c>.
/// </summary>
internal static class ConditionEvaluator
{
    public static bool Evaluate(SigmaRule rule, Func<string, bool> selection)
    {
        var tokens = Tokenize(rule.Condition);
        var pos = 0;
        var result = Or(tokens, ref pos, rule, selection);
        if (pos != tokens.Count)
        {
            throw new SigmaRuleException($"unexpected '{tokens[pos]}' in condition '{rule.Condition}'");
        }

        return result;
    }

    private static List<string> Tokenize(string condition) =>
        [.. condition.Replace("(", " ( ", StringComparison.Ordinal).Replace(")", " ) ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static bool Or(List<string> t, ref int pos, SigmaRule rule, Func<string, bool> sel)
    {
        var value = And(t, ref pos, rule, sel);
        while (pos < t.Count && t[pos].Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            pos++;
            value = And(t, ref pos, rule, sel) | value;
        }

        return value;
    }

    private static bool And(List<string> t, ref int pos, SigmaRule rule, Func<string, bool> sel)
    {
        var value = Not(t, ref pos, rule, sel);
        while (pos < t.Count && t[pos].Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            pos++;
            value = Not(t, ref pos, rule, sel) & value;
        }

        return value;
    }

    private static bool Not(List<string> t, ref int pos, SigmaRule rule, Func<string, bool> sel)
    {
        if (pos < t.Count && t[pos].Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            pos++;
            return !Not(t, ref pos, rule, sel);
        }

        return Primary(t, ref pos, rule, sel);
    }

    private static bool Primary(List<string> t, ref int pos, SigmaRule rule, Func<string, bool> sel)
    {
        if (pos >= t.Count)
        {
            throw new SigmaRuleException($"condition '{rule.Condition}' ends too early");
        }

        var token = t[pos++];
        if (token == "(")
        {
            var inner = Or(t, ref pos, rule, sel);
            if (pos >= t.Count || t[pos++] != ")")
            {
                throw new SigmaRuleException($"missing ')' in condition '{rule.Condition}'");
            }

            return inner;
        }

        if ((token == "1" || token == "all") && pos + 1 < t.Count && t[pos] == "of")
        {
            var pattern = t[pos + 1];
            pos += 2;
            var names = rule.Selections.Keys.Where(k => pattern == "them" ? !k.StartsWith('_') : Glob(k, pattern)).ToList();
            return token == "1" ? names.Any(sel) : names.Count > 0 && names.All(sel);
        }

        if (!rule.Selections.ContainsKey(token))
        {
            throw new SigmaRuleException($"condition names '{token}', which is not a selection");
        }

        return sel(token);
    }

    private static bool Glob(string name, string pattern) =>
        pattern.EndsWith('*') ? name.StartsWith(pattern[..^1], StringComparison.Ordinal) : name == pattern;
}
