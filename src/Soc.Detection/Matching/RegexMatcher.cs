using System.Text.RegularExpressions;

namespace Soc.Detection.Matching;

/// <summary>
/// The <c>re</c> modifier: an unanchored search (as pySigma's backends do), case-sensitive unless <c>i</c>.
/// Built with <see cref="RegexOptions.NonBacktracking"/> when the pattern allows it (linear time); otherwise
/// a backtracking regex with a match timeout, which the loader reports as a warning.
/// </summary>
public sealed class RegexMatcher : ValueMatcher
{
    /// <summary>Match timeout for patterns NonBacktracking cannot run (backreferences, lookarounds).</summary>
    public static readonly TimeSpan BacktrackingTimeout = TimeSpan.FromMilliseconds(50);

    private readonly Regex _regex;

    public RegexMatcher(string pattern, RegexOptions options)
    {
        Pattern = pattern;
        try
        {
            _regex = new Regex(pattern, options | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            NonBacktracking = true;
        }
        catch (NotSupportedException)
        {
            _regex = new Regex(pattern, options | RegexOptions.CultureInvariant, BacktrackingTimeout);
        }
    }

    public string Pattern { get; }

    /// <summary>False when the pattern needed the backtracking engine (and so runs under a timeout).</summary>
    public bool NonBacktracking { get; }

    /// <summary>Times a match hit the timeout and was counted as no match.</summary>
    public long Timeouts { get; private set; }

    public override int Cost => 8;

    public override bool Match(ReadOnlySpan<char> text)
    {
        try
        {
            return _regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            Timeouts++;
            return false;
        }
    }
}
