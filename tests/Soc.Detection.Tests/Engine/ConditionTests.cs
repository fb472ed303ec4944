using Soc.Detection.Engine;
using Soc.Detection.Sigma;
using static Soc.Detection.Tests.Support.RuleHarness;

namespace Soc.Detection.Tests.Engine;

public sealed class ConditionTests
{
    private const string Selections = "sel_a:\n    a: 1\nsel_b:\n    b: 1\nfilter_c:\n    c: 1\n_hidden:\n    d: 1\n";

    private static bool Eval(string condition, params string[] present)
    {
        var fields = present.Select(p => (p, (object?)"1")).ToArray();
        return Matches(Selections + "condition: " + condition, Event(fields));
    }

    [Theory]
    [InlineData("sel_a and sel_b", new[] { "a", "b" }, true)]
    [InlineData("sel_a and sel_b", new[] { "a" }, false)]
    [InlineData("sel_a or sel_b", new[] { "b" }, true)]
    [InlineData("sel_a or sel_b", new[] { "c" }, false)]
    [InlineData("not sel_a", new[] { "b" }, true)]
    [InlineData("not sel_a", new[] { "a" }, false)]
    [InlineData("sel_a or sel_b and filter_c", new[] { "a" }, true)]
    [InlineData("sel_a or sel_b and filter_c", new[] { "b" }, false)]
    [InlineData("(sel_a or sel_b) and filter_c", new[] { "a" }, false)]
    [InlineData("(sel_a or sel_b) and filter_c", new[] { "a", "c" }, true)]
    [InlineData("not sel_a and sel_b", new[] { "b" }, true)]
    [InlineData("not (sel_a and sel_b)", new[] { "a", "b" }, false)]
    [InlineData("not not sel_a", new[] { "a" }, true)]
    [InlineData("1 of sel_*", new[] { "b" }, true)]
    [InlineData("1 of sel_*", new[] { "c" }, false)]
    [InlineData("all of sel_*", new[] { "a", "b" }, true)]
    [InlineData("all of sel_*", new[] { "a" }, false)]
    [InlineData("1 of them", new[] { "c" }, true)]
    [InlineData("1 of them", new[] { "d" }, false)]
    [InlineData("all of them", new[] { "a", "b", "c" }, true)]
    [InlineData("all of them", new[] { "a", "b" }, false)]
    [InlineData("sel_a and not 1 of filter_*", new[] { "a", "c" }, false)]
    [InlineData("sel_a and not 1 of filter_*", new[] { "a" }, true)]
    [InlineData("SEL_A", new[] { "a" }, false)]
    public void PrecedenceParenthesesAndQuantifiers(string condition, string[] present, bool expected)
    {
        if (condition == "SEL_A")
        {
            // identifiers are case-sensitive: an unknown identifier fails the rule at compile time
            var engine = new DetectionEngine([Rule(Selections + "condition: SEL_A")]);
            Assert.Contains("SEL_A", Assert.Single(engine.CompileErrors).Reason, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(expected, Eval(condition, present));
    }

    [Fact]
    public void ListOfMapsIsOrAndMapIsAnd()
    {
        const string detection = "sel:\n    - a: 1\n      b: 1\n    - c: 1\ncondition: sel";
        Assert.True(Matches(detection, Event(("a", "1"), ("b", "1"))));
        Assert.False(Matches(detection, Event(("a", "1"))));
        Assert.True(Matches(detection, Event(("c", "1"))));
    }

    [Fact]
    public void SeveralConditionsAreAlternatives()
    {
        var rule = SigmaRuleLoader.LoadText("title: t\ndetection:\n    a:\n        x: 1\n    b:\n        y: 1\n    condition:\n        - a\n        - b\n").Rules.Single();
        var engine = new DetectionEngine([rule]);
        var alerts = new List<Alert>();
        engine.Evaluate(Event(("y", "1")), alerts);
        Assert.Single(alerts);
    }

    [Theory]
    [InlineData("sel_a and", "ends too early")]
    [InlineData("(sel_a", "missing ')'")]
    [InlineData("sel_a sel_b", "unexpected 'sel_b'")]
    [InlineData("1 of nothing_*", "names no search identifier")]
    public void MalformedConditionsFailAtCompile(string condition, string reason)
    {
        var engine = new DetectionEngine([Rule(Selections + "condition: " + condition)]);
        Assert.Contains(reason, Assert.Single(engine.CompileErrors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AlertCarriesAuthorTitleLevelTagsAndMatchedFields()
    {
        var rule = SigmaRuleLoader.LoadText("title: T\nid: X\nauthor: Ann\nlevel: high\ntags: [attack.t1110]\ndetection:\n    sel:\n        user.name: root\n    condition: sel\n").Rules.Single();
        var alerts = new List<Alert>();
        new DetectionEngine([rule]).Evaluate(Event(("user.name", "root"), ("event.id", "e1")), alerts);
        var alert = Assert.Single(alerts);
        Assert.Equal(("X", "T", "Ann", "high"), (alert.RuleId, alert.RuleTitle, alert.Author, alert.Level));
        Assert.Equal(["attack.t1110"], alert.Tags);
        Assert.Equal("root", alert.MatchedFields["user.name"]);
        Assert.Equal(["e1"], alert.EventIds);
    }
}
