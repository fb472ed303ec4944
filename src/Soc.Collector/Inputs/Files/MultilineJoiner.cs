using System.Text;
using System.Text.RegularExpressions;

namespace Soc.Collector.Inputs.Files;

/// <summary>
/// Joins continuation lines (stack traces, wrapped messages) to the line that started the entry. A line matching
/// the start pattern begins a new entry and completes the previous one. An entry that would exceed the maximum
/// keeps its whole lines up to the limit and is marked truncated; the rest of its continuation lines are skipped.
/// </summary>
internal sealed class MultilineJoiner(Regex startOfEntry, int maxMessageBytes)
{
    private readonly StringBuilder _text = new();
    private long _start;
    private long _end;
    private int _bytes;
    private bool _truncated;
    private bool _pending;

    /// <summary>Offset of the entry being collected, which is not shipped yet; null when there is none.</summary>
    public long? PendingStart => _pending ? _start : null;

    public DateTimeOffset LastAdded { get; private set; }

    public static Regex Compile(string pattern)
    {
        try
        {
            // Linear time whatever the pattern and the line: a crafted log line cannot stall the tailer.
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            // Backreferences and lookarounds need the backtracking engine; the timeout bounds it instead.
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Adds the next line; returns the entry it completes, if it starts a new one.</summary>
    public FileLine? Add(FileLine line, DateTimeOffset now)
    {
        LastAdded = now;
        if (!_pending)
        {
            Begin(line);
            return null;
        }

        if (StartsEntry(line.Text))
        {
            var done = Take();
            Begin(line);
            return done;
        }

        var bytes = Encoding.UTF8.GetByteCount(line.Text) + 1;
        if (_truncated || _bytes + bytes > maxMessageBytes)
        {
            _truncated = true;
        }
        else
        {
            _text.Append('\n').Append(line.Text);
            _bytes += bytes;
            _truncated |= line.Truncated;
        }

        _end = line.End;
        return null;
    }

    /// <summary>Completes the pending entry (timeout, file closed or replaced).</summary>
    public FileLine? Flush() => _pending ? Take() : null;

    private bool StartsEntry(string text)
    {
        try
        {
            return startOfEntry.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Undecidable in time: starting a new entry keeps entries small, joining might swallow many.
            return true;
        }
    }

    private void Begin(FileLine line)
    {
        _text.Clear().Append(line.Text);
        _bytes = Encoding.UTF8.GetByteCount(line.Text);
        _start = line.Start;
        _end = line.End;
        _truncated = line.Truncated;
        _pending = true;
    }

    private FileLine Take()
    {
        _pending = false;
        return new FileLine(_text.ToString(), _start, _end, _truncated);
    }
}
