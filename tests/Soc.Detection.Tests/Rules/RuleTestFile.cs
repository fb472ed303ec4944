using YamlDotNet.RepresentationModel;

namespace Soc.Detection.Tests.Rules;

/// <summary>
/// A rule's <c>&lt;rule&gt;.tests.yml</c> (schema in docs/rules.md): the rule id, the default source type and the
/// true-positive and true-negative cases, each a raw line or a sequence of raw lines in the real log format.
/// </summary>
public sealed record RuleTestFile(string Path, string RuleId, string SourceType, string TimeZone, IReadOnlyList<RuleTestCase> Positives, IReadOnlyList<RuleTestCase> Negatives)
{
    public static RuleTestFile Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var ruleId = Scalar(root, "rule") ?? throw new InvalidDataException($"{path}: 'rule' (the rule id) is required");
        var sourceType = Scalar(root, "source_type") ?? throw new InvalidDataException($"{path}: 'source_type' is required");
        var zone = Scalar(root, "time_zone") ?? "Asia/Ho_Chi_Minh";
        return new RuleTestFile(path, ruleId, sourceType, zone, Cases(root, "true_positives", sourceType), Cases(root, "true_negatives", sourceType));
    }

    private static List<RuleTestCase> Cases(YamlMappingNode root, string key, string sourceType)
    {
        var cases = new List<RuleTestCase>();
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return cases;
        }

        var n = 0;
        foreach (var item in ((YamlSequenceNode)node).Children)
        {
            n++;
            if (item is YamlScalarNode line)
            {
                cases.Add(new RuleTestCase($"{key}[{n}]", sourceType, [line.Value ?? ""], new Dictionary<string, string>()));
                continue;
            }

            var map = (YamlMappingNode)item;
            var lines = map.Children.TryGetValue(new YamlScalarNode("lines"), out var l)
                ? ((YamlSequenceNode)l).Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList()
                : throw new InvalidDataException($"{key}[{n}]: 'lines' is required");
            var groupBy = new Dictionary<string, string>(StringComparer.Ordinal);
            if (map.Children.TryGetValue(new YamlScalarNode("group_by"), out var g))
            {
                foreach (var (k, v) in ((YamlMappingNode)g).Children)
                {
                    groupBy[((YamlScalarNode)k).Value!] = ((YamlScalarNode)v).Value ?? "";
                }
            }

            cases.Add(new RuleTestCase(Scalar(map, "name") ?? $"{key}[{n}]", Scalar(map, "source_type") ?? sourceType, lines, groupBy));
        }

        return cases;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
}
