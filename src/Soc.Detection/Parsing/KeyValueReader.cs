namespace Soc.Detection.Parsing;

/// <summary>
/// Reads <c>key=value</c> pairs separated by spaces (auditd, FortiGate). A value may be double-quoted (may hold spaces)
/// or single-quoted (auditd USER_* <c>msg='…'</c>, which is itself a list of pairs).
/// </summary>
internal ref struct KeyValueReader(ReadOnlySpan<char> text)
{
    private ReadOnlySpan<char> _rest = text;

    public bool TryNext(out ReadOnlySpan<char> key, out ReadOnlySpan<char> value, out char quote)
    {
        key = default;
        value = default;
        quote = '\0';
        while (true)
        {
            _rest = _rest.TrimStart(" \u001d\t");
            if (_rest.IsEmpty)
            {
                return false;
            }

            var eq = _rest.IndexOf('=');
            var space = _rest.IndexOfAny(' ', '\u001d');
            if (eq <= 0 || (space >= 0 && space < eq))
            {
                // A bare word: skip it.
                _rest = space < 0 ? [] : _rest[space..];
                if (space < 0)
                {
                    return false;
                }

                continue;
            }

            key = _rest[..eq];
            _rest = _rest[(eq + 1)..];
            if (!_rest.IsEmpty && (_rest[0] == '"' || _rest[0] == '\''))
            {
                quote = _rest[0];
                var end = _rest[1..].IndexOf(quote);
                if (end < 0)
                {
                    value = _rest[1..];
                    _rest = [];
                }
                else
                {
                    value = _rest.Slice(1, end);
                    _rest = _rest[(end + 2)..];
                }

                return true;
            }

            var stop = _rest.IndexOfAny(' ', '\u001d');
            value = stop < 0 ? _rest : _rest[..stop];
            _rest = stop < 0 ? [] : _rest[stop..];
            return true;
        }
    }
}
