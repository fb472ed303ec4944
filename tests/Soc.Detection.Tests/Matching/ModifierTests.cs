using Soc.Detection.Engine;
using Soc.Detection.Sigma;
using static Soc.Detection.Tests.Support.RuleHarness;

namespace Soc.Detection.Tests.Matching;

public sealed class ModifierTests
{
    private static bool M(string item, object? value, string field = "f") =>
        Matches($"sel:\n    {item}\ncondition: sel", Event((field, value), ("message", "the quick brown fox")));

    [Theory]
    [InlineData("f: abc", "ABC", true)]
    [InlineData("f: abc", "abcd", false)]
    [InlineData("f|contains: ick", "quick", true)]
    [InlineData("f|contains: xyz", "quick", false)]
    [InlineData("f|startswith: qu", "Quick", true)]
    [InlineData("f|startswith: ck", "quick", false)]
    [InlineData("f|endswith: CK", "quick", true)]
    [InlineData("f|endswith: qu", "quick", false)]
    [InlineData("f|contains|all: [qu, ck]", "quick", true)]
    [InlineData("f|contains|all: [qu, zz]", "quick", false)]
    [InlineData("f|contains: [zz, yy, ui, ww]", "quick", true)]
    [InlineData("f|contains: [zz, yy, xx, ww]", "quick", false)]
    [InlineData("f|cased: Abc", "Abc", true)]
    [InlineData("f|cased: Abc", "abc", false)]
    [InlineData("f|contains|cased: Ab", "xAbx", true)]
    [InlineData("f|contains|cased: Ab", "xabx", false)]
    [InlineData("f|neq: abc", "abd", true)]
    [InlineData("f|neq: abc", "ABC", false)]
    [InlineData("f|neq: [a, b]", "b", false)]
    public void StringModifiers(string item, string value, bool expected) => Assert.Equal(expected, M(item, value));

    [Theory]
    [InlineData("f: 'a*c'", "abbbc", true)]
    [InlineData("f: 'a*c'", "abbbd", false)]
    [InlineData("f: 'a?c'", "abc", true)]
    [InlineData("f: 'a?c'", "abbc", false)]
    [InlineData("f: 'a\\*c'", "a*c", true)]
    [InlineData("f: 'a\\*c'", "abc", false)]
    [InlineData("f: 'a\\?c'", "a?c", true)]
    [InlineData("f: 'a\\?c'", "abc", false)]
    [InlineData("f: 'C:\\Windows\\*'", "c:\\windows\\x.exe", false)]
    [InlineData("f: 'C:\\Windows\\*'", "c:\\windows*", true)]
    [InlineData("f: 'C:\\Windows\\\\*'", "c:\\windows\\x.exe", true)]
    [InlineData("f: 'C:\\\\*'", "C:\\x", true)]
    [InlineData("f: 'a\\\\'", "a\\", true)]
    [InlineData("f: '*a*b?d*'", "xxaYYbcdzz", true)]
    [InlineData("f: '*a*b?d*'", "xxaYYbdzz", false)]
    [InlineData("f: '/index.php?x=1'", "/index.php?x=1", true)]
    [InlineData("f: '/index.php?x=1'", "/index.phpXx=1", true)]
    public void WildcardsAndEscapes(string item, string value, bool expected) => Assert.Equal(expected, M(item, value));

    [Theory]
    [InlineData("f: 500", 500L, true)]
    [InlineData("f: 500", "500", true)]
    [InlineData("f: '500'", 500L, true)]
    [InlineData("f: 500", 404L, false)]
    [InlineData("f|gt: 10", 11L, true)]
    [InlineData("f|gt: 10", 10L, false)]
    [InlineData("f|gte: 10", 10L, true)]
    [InlineData("f|lt: 10", "9", true)]
    [InlineData("f|lt: 10", "x", false)]
    [InlineData("f|lte: 10.5", 10.5, true)]
    [InlineData("f|lte: 10.5", 11L, false)]
    [InlineData("f: true", true, true)]
    [InlineData("f: 1.5", 1.5, true)]
    public void NumbersCompareLoosely(string item, object value, bool expected) => Assert.Equal(expected, M(item, value));

    [Fact]
    public void NullMatchesAbsentOrNullFieldOnly()
    {
        Assert.True(Matches("sel:\n    f: null\ncondition: sel", Event(("g", "x"))));
        Assert.True(Matches("sel:\n    f: null\ncondition: sel", Event(("f", null))));
        Assert.False(Matches("sel:\n    f: null\ncondition: sel", Event(("f", "x"))));
        Assert.False(Matches("sel:\n    f: null\ncondition: sel", Event(("f", ""))));
    }

    [Fact]
    public void EmptyStringMatchesEmptyValueOnly()
    {
        Assert.True(M("f: ''", ""));
        Assert.False(M("f: ''", "x"));
        Assert.False(Matches("sel:\n    f: ''\ncondition: sel", Event(("g", "x"))));
    }

    [Fact]
    public void ExistsTestsPresence()
    {
        Assert.True(M("f|exists: true", "x"));
        Assert.False(Matches("sel:\n    f|exists: true\ncondition: sel", Event(("g", "x"))));
        Assert.True(Matches("sel:\n    f|exists: false\ncondition: sel", Event(("g", "x"))));
        Assert.False(M("f|exists: false", "x"));
    }

    [Theory]
    [InlineData("f|windash|contains: ' -enc '", "powershell /enc abc", true)]
    [InlineData("f|windash|contains: ' -enc '", "powershell \u2013enc abc", true)]
    [InlineData("f|windash|contains: ' -enc '", "powershell \u2014enc abc", true)]
    [InlineData("f|windash|contains: ' -enc '", "powershell \u2015enc abc", true)]
    [InlineData("f|windash|contains: ' -enc '", "powershell +enc abc", false)]
    [InlineData("f|contains|windash: ' -a -b'", "x /a \u2013b", true)]
    public void WindashVariesDashesAtWordStart(string item, string value, bool expected) => Assert.Equal(expected, M(item, value));

    [Theory]
    [InlineData("f|re: 'ab+c'", "xxabbbcxx", true)]
    [InlineData("f|re: '^ab+c$'", "xxabbbcxx", false)]
    [InlineData("f|re: 'ABC'", "abc", false)]
    [InlineData("f|re|i: 'ABC'", "abc", true)]
    [InlineData("f|re|m: '^b$'", "a\nb\nc", true)]
    [InlineData("f|re: '^b$'", "a\nb\nc", false)]
    [InlineData("f|re|s: 'a.b'", "a\nb", true)]
    [InlineData("f|re: 'a.b'", "a\nb", false)]
    [InlineData("f|re: '(a)\\1'", "xaax", true)]
    public void RegexIsAnUnanchoredCaseSensitiveSearch(string item, string value, bool expected) => Assert.Equal(expected, M(item, value));

    [Theory]
    [InlineData("f|base64: 'hello'", "aGVsbG8=", true)]
    [InlineData("f|base64|contains: 'hello'", "xxaGVsbG8=xx", true)]
    [InlineData("f|base64offset|contains: 'http://'", "aHR0cDovL", true)]
    [InlineData("f|base64offset|contains: 'http://'", "h0dHA6Ly", true)]
    [InlineData("f|base64offset|contains: 'http://'", "odHRwOi8v", true)]
    [InlineData("f|base64offset|contains: 'http://'", "aGVsbG8=", false)]
    [InlineData("f|wide|base64: 'ab'", "YQBiAA==", true)]
    [InlineData("f|utf16le|base64: 'ab'", "YQBiAA==", true)]
    [InlineData("f|utf16be|base64: 'ab'", "AGEAYg==", true)]
    [InlineData("f|utf16|base64: 'ab'", "//5hAGIA", true)]
    [InlineData("f|wide|base64offset|contains: 'ab'", "xYQBiAx", true)]
    public void EncodingModifiers(string item, string value, bool expected) => Assert.Equal(expected, M(item, value));

    [Theory]
    [InlineData("f|cidr: 10.0.0.0/8", "10.20.30.40", true)]
    [InlineData("f|cidr: 10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("f|cidr: 192.168.1.0/25", "192.168.1.127", true)]
    [InlineData("f|cidr: 192.168.1.0/25", "192.168.1.128", false)]
    [InlineData("f|cidr: '2001:db8::/32'", "2001:db8::1", true)]
    [InlineData("f|cidr: '2001:db8::/32'", "2001:db9::1", false)]
    [InlineData("f|cidr: 10.0.0.0/8", "not-an-ip", false)]
    public void CidrCoversIpv4AndIpv6(string item, string value, bool expected) => Assert.Equal(expected, M(item, value));

    [Theory]
    [InlineData("f|hour: 3", "2026-11-22T03:15:00Z", true)]
    [InlineData("f|hour: 4", "2026-11-22T03:15:00Z", false)]
    [InlineData("f|minute: 15", "2026-11-22T03:15:00Z", true)]
    [InlineData("f|day: 22", "2026-11-22T03:15:00Z", true)]
    [InlineData("f|week: 47", "2026-11-22T03:15:00Z", true)]
    [InlineData("f|month: 11", "2026-11-22T03:15:00Z", true)]
    [InlineData("f|year: 2025", "2026-11-22T03:15:00Z", false)]
    [InlineData("f|hour|gte: 22", "2026-11-22T23:15:00Z", true)]
    [InlineData("f|hour|gte: 22", "2026-11-22T21:15:00Z", false)]
    public void DatePartModifiers(string item, string value, bool expected) => Assert.Equal(expected, M(item, value));

    [Fact]
    public void FieldrefComparesTwoFieldsOfTheEvent()
    {
        const string exact = "sel:\n    a|fieldref: b\ncondition: sel";
        Assert.True(Matches(exact, Event(("a", "Root"), ("b", "root"))));
        Assert.False(Matches(exact, Event(("a", "root"), ("b", "admin"))));
        Assert.False(Matches(exact, Event(("a", "root"))));
        Assert.True(Matches("sel:\n    a|fieldref|startswith: b\ncondition: sel", Event(("a", "rooted"), ("b", "root"))));
    }

    [Fact]
    public void ExpandUsesConfiguredPlaceholders()
    {
        const string detection = "sel:\n    f|expand: '%admins%'\ncondition: sel";
        var options = new DetectionEngineOptions { Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["admins"] = ["alice", "bob*"] } };
        Assert.True(Matches(detection, Event(("f", "bobby")), options));
        Assert.False(Matches(detection, Event(("f", "carol")), options));
        Assert.False(Matches(detection, Event(("f", "%admins%"))));
    }

    [Fact]
    public void KeywordsSearchTheMessageAndOptionallyEveryField()
    {
        const string detection = "keywords:\n    - 'brown fox'\n    - 'lazy dog'\ncondition: keywords";
        Assert.True(Matches(detection, Event(("message", "The quick BROWN FOX"))));
        Assert.False(Matches(detection, Event(("message", "nothing"), ("other", "lazy dog"))));
        Assert.True(Matches(detection, Event(("message", "nothing"), ("other", "lazy dog")), new DetectionEngineOptions { KeywordsSearchAllFields = true }));
        Assert.True(Matches("keywords:\n    '|all':\n        - quick\n        - fox\ncondition: keywords", Event(("message", "quick brown fox"))));
        Assert.False(Matches("keywords:\n    '|all':\n        - quick\n        - cat\ncondition: keywords", Event(("message", "quick brown fox"))));
    }

    [Fact]
    public void ListValuesInEventsMatchAnyElement()
    {
        Assert.True(M("f: process", new List<object?> { "network", "process" }));
        Assert.False(M("f: file", new List<object?> { "network", "process" }));
    }

    [Theory]
    [InlineData("f|bogus: x", "unknown modifier 'bogus'")]
    [InlineData("f|exists: maybe", "exists")]
    [InlineData("f|gt: abc", "numeric")]
    [InlineData("f|base64: 'a*'", null)]
    public void RejectsInvalidModifierUse(string item, string? reason)
    {
        var result = SigmaRuleLoader.LoadText($"title: t\ndetection:\n    sel:\n        {item}\n    condition: sel\n");
        if (reason is not null)
        {
            var error = Assert.Single(result.Errors);
            Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
            Assert.Equal(4, error.Line);
            return;
        }

        var engine = new DetectionEngine(result.Rules);
        Assert.Contains("wildcards", Assert.Single(engine.CompileErrors).Reason, StringComparison.Ordinal);
    }
}
