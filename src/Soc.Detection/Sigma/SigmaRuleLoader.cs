using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Soc.Detection.Sigma;

/// <summary>
/// Reads Sigma rule files with YamlDotNet. A malformed rule becomes a <see cref="RuleLoadError"/> with
/// file, line and reason; it never stops the other rules from loading.
/// </summary>
public static class SigmaRuleLoader
{
    private static readonly string[] KnownModifiers = ["contains", "startswith", "endswith", "all", "re", "cased"];

    /// <summary>Loads every <c>.yml</c>/<c>.yaml</c> file under the given files or folders.</summary>
    public static RuleLoadResult LoadPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var rules = new List<SigmaRule>();
        var errors = new List<RuleLoadError>();
        var documents = 0;
        foreach (var file in ExpandPaths(paths))
        {
            if (file.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase))
            {
                continue; // test events beside a rule, not a rule
            }

            documents += LoadFile(file, File.ReadAllText(file), rules, errors);
        }

        return new RuleLoadResult(rules, errors, documents);
    }

    public static RuleLoadResult LoadText(string text, string fileName = "<text>")
    {
        var rules = new List<SigmaRule>();
        var errors = new List<RuleLoadError>();
        var documents = LoadFile(fileName, text, rules, errors);
        return new RuleLoadResult(rules, errors, documents);
    }

    private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var f in files)
                {
                    yield return f;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static int LoadFile(string file, string text, List<SigmaRule> rules, List<RuleLoadError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(new RuleLoadError(file, (int)ex.Start.Line, "YAML syntax: " + ex.Message));
            return 1;
        }

        foreach (var doc in stream.Documents)
        {
            if (doc.RootNode is not YamlMappingNode root)
            {
                errors.Add(new RuleLoadError(file, (int)doc.RootNode.Start.Line, "a rule must be a YAML mapping"));
                continue;
            }

            try
            {
                rules.Add(ReadRule(root, file));
            }
            catch (SigmaRuleException ex)
            {
                errors.Add(new RuleLoadError(file, ex.Line, ex.Message));
            }
        }

        return stream.Documents.Count;
    }

    private static SigmaRule ReadRule(YamlMappingNode root, string file)
    {
        var detection = Child(root, "detection") as YamlMappingNode
            ?? throw new SigmaRuleException("the rule has no 'detection' mapping", (int)root.Start.Line);
        var condition = Scalar(detection, "condition")
            ?? throw new SigmaRuleException("the detection has no 'condition'", (int)detection.Start.Line);
        var selections = new Dictionary<string, Selection>(StringComparer.Ordinal);
        foreach (var (key, value) in detection.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name is "condition" or "timeframe")
            {
                continue;
            }

            selections[name] = ReadSelection(name, value);
        }

        var logsource = Child(root, "logsource") as YamlMappingNode;
        return new SigmaRule
        {
            Id = Scalar(root, "id") ?? throw new SigmaRuleException("the rule has no 'id'", (int)root.Start.Line),
            Title = Scalar(root, "title") ?? throw new SigmaRuleException("the rule has no 'title'", (int)root.Start.Line),
            Status = Scalar(root, "status"),
            Description = Scalar(root, "description"),
            Level = Scalar(root, "level") ?? "medium",
            Author = Scalar(root, "author"),
            Date = Scalar(root, "date"),
            Modified = Scalar(root, "modified"),
            Tags = List(root, "tags"),
            References = List(root, "references"),
            FalsePositives = List(root, "falsepositives"),
            Fields = List(root, "fields"),
            LogSource = new LogSource(
                logsource is null ? null : Scalar(logsource, "product"),
                logsource is null ? null : Scalar(logsource, "category"),
                logsource is null ? null : Scalar(logsource, "service")),
            Condition = condition,
            Selections = selections,
            SourcePath = file,
        };
    }

    private static Selection ReadSelection(string name, YamlNode node) => node switch
    {
        YamlMappingNode map => new Selection(name, [ReadMap(map)]),
        YamlSequenceNode seq when seq.Children.All(c => c is YamlMappingNode) =>
            new Selection(name, seq.Children.Select(c => ReadMap((YamlMappingNode)c)).ToList()),
        YamlSequenceNode seq => new Selection(name, seq.Children.Select(c => (IReadOnlyList<FieldMatcher>)[new FieldMatcher(null, ["contains"], [ScalarValue(c)])]).ToList()),
        YamlScalarNode scalar => new Selection(name, [[new FieldMatcher(null, ["contains"], [scalar.Value])]]),
        _ => throw new SigmaRuleException($"selection '{name}' has an unsupported shape", (int)node.Start.Line),
    };

    private static List<FieldMatcher> ReadMap(YamlMappingNode map)
    {
        var matchers = new List<FieldMatcher>();
        foreach (var (key, value) in map.Children)
        {
            var parts = ((YamlScalarNode)key).Value!.Split('|');
            foreach (var modifier in parts.Skip(1))
            {
                if (!KnownModifiers.Contains(modifier))
                {
                    throw new SigmaRuleException($"unknown modifier '{modifier}' on field '{parts[0]}'", (int)key.Start.Line);
                }
            }

            var values = value is YamlSequenceNode seq ? seq.Children.Select(ScalarValue).ToList() : [ScalarValue(value)];
            matchers.Add(new FieldMatcher(parts[0], parts[1..], values));
        }

        return matchers;
    }

    private static string? ScalarValue(YamlNode node) => node switch
    {
        YamlScalarNode { Style: not ScalarStyle.Plain } s => s.Value,
        YamlScalarNode { Value: "null" or "~" or "" } => null,
        YamlScalarNode s => s.Value,
        _ => throw new SigmaRuleException("a value must be a scalar", (int)node.Start.Line),
    };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static List<string> List(YamlMappingNode map, string key) => Child(map, key) switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        YamlScalarNode s when s.Value is not null => [s.Value],
        _ => [],
    };
}
