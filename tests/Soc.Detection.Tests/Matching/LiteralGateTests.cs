using Soc.Detection.Matching;

namespace Soc.Detection.Tests.Matching;

public sealed class LiteralGateTests
{
    [Theory]
    [InlineData("GET /index.php?id=1 UNION SELECT 1", true)]
    [InlineData("get /x?q=union%20select", false)]
    [InlineData("cat /ETC/PASSWD", true)]
    [InlineData("WGET http://x", true)]
    [InlineData("wge", false)]
    [InlineData("", false)]
    [InlineData("ab", false)]
    [InlineData("xx ÉCOLE yy", true)]
    [InlineData("nothing to see here", false)]
    public void FindsAnyLiteralIgnoringCase(string text, bool expected)
    {
        var gate = new LiteralGate(["union select", "/etc/passwd", "wget", "école", "union%20select1"]);
        Assert.Equal(expected, gate.AnyIn(text));
        Assert.Equal(expected, new[] { "union select", "/etc/passwd", "wget", "école", "union%20select1" }.Any(l => text.Contains(l, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void AgreesWithSubstringSearchOnRandomText()
    {
        var random = new Random(7);
        const string alphabet = "abcABC/. -_xyz";
        string Word(int n) => new([.. Enumerable.Range(0, n).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var literals = Enumerable.Range(0, 200).Select(_ => Word(3 + random.Next(4))).ToList();
        var gate = new LiteralGate(literals);
        var hits = 0;
        for (var i = 0; i < 5000; i++)
        {
            var text = Word(random.Next(40));
            var expected = literals.Any(l => text.Contains(l, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(expected, gate.AnyIn(text));
            hits += expected ? 1 : 0;
        }

        Assert.InRange(hits, 100, 4900);
    }

    [Fact]
    public void RejectsLiteralsTooShortToIndex() =>
        Assert.Throws<ArgumentException>(() => new LiteralGate(["ab"]));
}
