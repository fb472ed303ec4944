using System.Text;

namespace Soc.Console.Search;

/// <summary>
/// Parses the event query syntax (docs/api.md): <c>field:value</c>, <c>"quoted phrases"</c>,
/// <c>AND</c>/<c>OR</c>/<c>NOT</c> (and <c>-x</c>) with parentheses, ranges <c>field:[a TO b]</c> and
/// <c>field:&gt;=a</c>, and free text. Precedence: NOT over AND over OR; terms side by side are ANDed.
/// A hand-written recursive-descent parser: the grammar is tiny and errors must name the position.
/// </summary>
public sealed class QueryParser
{
    private readonly string _text;
    private int _pos;

    private QueryParser(string text) => _text = text;

    /// <summary>Parses a query; null for an empty one. Throws <see cref="QuerySyntaxException"/> with the position on error.</summary>
    public static QueryNode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parser = new QueryParser(text);
        var node = parser.ParseOr();
        parser.SkipSpace();
        if (parser._pos < text.Length)
        {
            throw parser.Error("unexpected ')'");
        }

        return node;
    }

    private QueryNode ParseOr()
    {
        var parts = new List<QueryNode> { ParseAnd() };
        while (TryKeyword("OR"))
        {
            parts.Add(ParseAnd());
        }

        return parts.Count == 1 ? parts[0] : new OrNode(parts);
    }

    private QueryNode ParseAnd()
    {
        var parts = new List<QueryNode> { ParseUnary() };
        while (true)
        {
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] == ')' || PeekKeyword("OR"))
            {
                break;
            }

            TryKeyword("AND");
            parts.Add(ParseUnary());
        }

        return parts.Count == 1 ? parts[0] : new AndNode(parts);
    }

    private QueryNode ParseUnary()
    {
        SkipSpace();
        if (TryKeyword("NOT"))
        {
            return new NotNode(ParseUnary());
        }

        if (_pos < _text.Length && _text[_pos] == '-' && _pos + 1 < _text.Length && !char.IsWhiteSpace(_text[_pos + 1]))
        {
            _pos++;
            return new NotNode(ParseUnary());
        }

        return ParsePrimary();
    }

    private QueryNode ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw Error("a term was expected");
        }

        if (_text[_pos] == '(')
        {
            _pos++;
            var inner = ParseOr();
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] != ')')
            {
                throw Error("')' was expected");
            }

            _pos++;
            return inner;
        }

        if (_text[_pos] == '"')
        {
            return new TermNode(null, ReadQuoted(), Phrase: true);
        }

        var word = ReadWord(stopAtColon: true);
        if (_pos < _text.Length && _text[_pos] == ':')
        {
            _pos++;
            return ParseFieldValue(word);
        }

        return new TermNode(null, word, Phrase: false);
    }

    private QueryNode ParseFieldValue(string field)
    {
        if (_pos >= _text.Length || char.IsWhiteSpace(_text[_pos]))
        {
            throw Error($"a value was expected after '{field}:'");
        }

        var c = _text[_pos];
        if (c == '"')
        {
            return new TermNode(field, ReadQuoted(), Phrase: true);
        }

        if (c is '[' or '{')
        {
            _pos++;
            var lower = ReadWord(stopAtColon: false);
            SkipSpace();
            if (!TryKeyword("TO"))
            {
                throw Error("'TO' was expected in a range");
            }

            SkipSpace();
            var upper = ReadWord(stopAtColon: false, stopAtBracket: true);
            if (_pos >= _text.Length || _text[_pos] is not (']' or '}'))
            {
                throw Error("']' or '}' was expected to end the range");
            }

            var close = _text[_pos++];
            return new RangeNode(field, lower == "*" ? null : lower, upper == "*" ? null : upper, c == '[', close == ']');
        }

        if (c is '>' or '<')
        {
            _pos++;
            var inclusive = _pos < _text.Length && _text[_pos] == '=';
            if (inclusive)
            {
                _pos++;
            }

            var bound = ReadWord(stopAtColon: false);
            return c == '>' ? new RangeNode(field, bound, null, inclusive, false) : new RangeNode(field, null, bound, false, inclusive);
        }

        return new TermNode(field, ReadWord(stopAtColon: false), Phrase: false);
    }

    private string ReadQuoted()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != '"')
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                _pos++;
            }

            sb.Append(_text[_pos++]);
        }

        if (_pos >= _text.Length)
        {
            _pos = start;
            throw Error("unterminated quote");
        }

        _pos++;
        return sb.ToString();
    }

    private string ReadWord(bool stopAtColon, bool stopAtBracket = false)
    {
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c) || c is '(' or ')' || (stopAtColon && c == ':') || (stopAtBracket && c is ']' or '}'))
            {
                break;
            }

            if (c == '\\' && _pos + 1 < _text.Length)
            {
                _pos++;
                c = _text[_pos];
            }

            sb.Append(c);
            _pos++;
        }

        if (sb.Length == 0)
        {
            throw Error("a term was expected");
        }

        return sb.ToString();
    }

    private bool PeekKeyword(string keyword)
    {
        SkipSpace();
        var end = _pos + keyword.Length;
        return end <= _text.Length && string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0 &&
            (end == _text.Length || char.IsWhiteSpace(_text[end]) || _text[end] == '(');
    }

    private bool TryKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        _pos += keyword.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private QuerySyntaxException Error(string message) => new($"{message} at position {_pos + 1}", _pos);
}
