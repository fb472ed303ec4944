using System.Globalization;
using Soc.Detection.Sigma;

namespace Soc.Detection.Compilation;

/// <summary>
/// Hand-written recursive descent over the tiny condition grammar: <c>or</c> binds weaker than
/// <c>and</c>, which binds weaker than <c>not</c>; parentheses; <c>N of x*</c>, <c>all of x*</c>, <c>them</c>.
/// </summary>
public sealed class ConditionParser
{
    private readonly List<string> _tokens;
    private readonly string _text;
    private int _pos;

    private ConditionParser(string text)
    {
        _text = text;
        _tokens = Tokenize(text);
    }

    public static ConditionExpr Parse(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var parser = new ConditionParser(condition);
        if (parser._tokens.Count == 0)
        {
            throw new SigmaRuleException("the condition is empty");
        }

        var expr = parser.ParseOr();
        if (parser._pos != parser._tokens.Count)
        {
            throw new SigmaRuleException($"unexpected '{parser._tokens[parser._pos]}' in condition '{condition}'");
        }

        return expr;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private string? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private bool Accept(string keyword)
    {
        if (Peek is { } t && string.Equals(t, keyword, StringComparison.OrdinalIgnoreCase))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private ConditionExpr ParseOr()
    {
        var items = new List<ConditionExpr> { ParseAnd() };
        while (Accept("or"))
        {
            items.Add(ParseAnd());
        }

        return items.Count == 1 ? items[0] : new OrExpr(items);
    }

    private ConditionExpr ParseAnd()
    {
        var items = new List<ConditionExpr> { ParseNot() };
        while (Accept("and"))
        {
            items.Add(ParseNot());
        }

        return items.Count == 1 ? items[0] : new AndExpr(items);
    }

    private ConditionExpr ParseNot() => Accept("not") ? new NotExpr(ParseNot()) : ParsePrimary();

    private ConditionExpr ParsePrimary()
    {
        var token = Peek ?? throw new SigmaRuleException($"condition '{_text}' ends too early");
        if (token == "(")
        {
            _pos++;
            var inner = ParseOr();
            if (!Accept(")"))
            {
                throw new SigmaRuleException($"missing ')' in condition '{_text}'");
            }

            return inner;
        }

        if (token is ")" || IsOperator(token))
        {
            throw new SigmaRuleException($"unexpected '{token}' in condition '{_text}'");
        }

        _pos++;
        var isAll = string.Equals(token, "all", StringComparison.OrdinalIgnoreCase);
        var isAny = string.Equals(token, "any", StringComparison.OrdinalIgnoreCase);
        if ((isAll || isAny || int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _)) && Accept("of"))
        {
            var count = isAll ? -1 : isAny ? 1 : int.Parse(token, CultureInfo.InvariantCulture);
            var target = Peek ?? throw new SigmaRuleException($"'of' needs a pattern or 'them' in condition '{_text}'");
            if (target is "(" or ")" || IsOperator(target))
            {
                throw new SigmaRuleException($"'of' needs a pattern or 'them' in condition '{_text}'");
            }

            _pos++;
            return new OfExpr(count, string.Equals(target, "them", StringComparison.OrdinalIgnoreCase) ? null : target);
        }

        return new RefExpr(token);
    }

    private static bool IsOperator(string token) =>
        token.Equals("and", StringComparison.OrdinalIgnoreCase) || token.Equals("or", StringComparison.OrdinalIgnoreCase) ||
        token.Equals("not", StringComparison.OrdinalIgnoreCase) || token.Equals("of", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The identifiers an <c>of</c> names: a pattern with <c>*</c> wildcards, or (for <c>them</c>) every
    /// identifier except those starting with an underscore.
    /// </summary>
    public static List<string> Expand(string? pattern, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var result = new List<string>();
        foreach (var name in names)
        {
            if (pattern is null ? !name.StartsWith('_') : Glob(pattern, name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    private static bool Glob(string pattern, string name)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return pattern == name;
        }

        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal) || name.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var pos = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], pos, StringComparison.Ordinal);
            if (found < 0 || found + parts[i].Length > name.Length - parts[^1].Length)
            {
                return false;
            }

            pos = found + parts[i].Length;
        }

        return true;
    }
}
