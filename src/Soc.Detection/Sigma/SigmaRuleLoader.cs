using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Soc.Detection.Sigma;

/// <summary>
/// Reads Sigma rule files with YamlDotNet: detection rules, correlation rules, filters, multi-document
/// files and rule collections (<c>action: global/reset/repeat</c>). A malformed rule becomes a
/// <see cref="RuleLoadError"/> with file, line and reason; it never stops the other rules from loading.
/// </summary>
public static partial class SigmaRuleLoader
{
    /// <summary>Loads every <c>.yml</c>/<c>.yaml</c> file under the given files or folders, skipping <c>*.tests.yml</c>.</summary>
    public static RuleLoadResult LoadPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = ExpandPaths(paths).Where(f => !f.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase)).ToArray();

        // Files parse independently (YAML parsing is most of the load time); results are merged in file order.
        var perFile = new (List<SigmaRule> Rules, List<RuleLoadError> Errors, int Documents)[files.Length];
        Parallel.For(0, files.Length, i => perFile[i] = LoadOne(files[i]));
        var rules = new List<SigmaRule>();
        var errors = new List<RuleLoadError>();
        var documents = 0;
        foreach (var (r, e, d) in perFile)
        {
            rules.AddRange(r);
            errors.AddRange(e);
            documents += d;
        }

        return new RuleLoadResult(rules, errors, documents);
    }

    private static (List<SigmaRule>, List<RuleLoadError>, int) LoadOne(string file)
    {
        var rules = new List<SigmaRule>();
        var errors = new List<RuleLoadError>();
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new RuleLoadError(file, null, "cannot read: " + ex.Message));
            return (rules, errors, 1);
        }

        var documents = LoadFile(file, text, rules, errors);
        return (rules, errors, documents);
    }

    /// <summary>Loads rules from YAML text (one or more documents).</summary>
    public static RuleLoadResult LoadText(string text, string fileName = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
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

        YamlMappingNode? global = null;
        YamlMappingNode? previous = null;
        var counted = 0;
        var index = 0;
        foreach (var doc in stream.Documents)
        {
            index++;
            if (doc.RootNode is not YamlMappingNode root)
            {
                counted++;
                errors.Add(new RuleLoadError(file, (int)doc.RootNode.Start.Line, "a rule must be a YAML mapping"));
                continue;
            }

            // Rule collections: 'global' documents are merged into every following one until 'reset';
            // 'repeat' re-uses the previous document with the new keys merged over it.
            var action = Scalar(root, "action");
            if (action == "global")
            {
                global = Without(root, "action");
                continue;
            }

            if (action == "reset")
            {
                global = null;
                continue;
            }

            var effective = action == "repeat" && previous is not null ? Merge(previous, Without(root, "action")) : root;
            previous = effective;
            if (global is not null)
            {
                effective = Merge(global, effective);
            }

            counted++;
            try
            {
                rules.Add(ReadRule(effective, file, index));
            }
            catch (SigmaRuleException ex)
            {
                errors.Add(new RuleLoadError(file, ex.Line ?? (int)root.Start.Line, ex.Message));
            }
        }

        return Math.Max(counted, 1);
    }

    private static YamlMappingNode Without(YamlMappingNode map, string key)
    {
        var copy = new YamlMappingNode();
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: var name } || name != key)
            {
                copy.Children.Add(k, v);
            }
        }

        return copy;
    }

    /// <summary>Deep merge: mappings merge key by key, anything else is replaced by the overlay.</summary>
    private static YamlMappingNode Merge(YamlMappingNode baseMap, YamlMappingNode overlay)
    {
        var result = new YamlMappingNode();
        foreach (var (k, v) in baseMap.Children)
        {
            result.Children.Add(k, v);
        }

        foreach (var (k, v) in overlay.Children)
        {
            if (result.Children.TryGetValue(k, out var existing) && existing is YamlMappingNode em && v is YamlMappingNode vm)
            {
                result.Children[k] = Merge(em, vm);
            }
            else
            {
                result.Children[k] = v;
            }
        }

        return result;
    }

    private static SigmaRule ReadRule(YamlMappingNode root, string file, int index)
    {
        var line = (int)root.Start.Line;
        var name = Scalar(root, "name");
        var id = Scalar(root, "id") ?? name ?? $"{Path.GetFileName(file)}#{index}";
        var title = Scalar(root, "title") ?? name ?? id;
        var logsource = Child(root, "logsource") as YamlMappingNode;
        SigmaCorrelation? correlation = null;
        SigmaFilter? filter = null;
        IReadOnlyList<string> conditions = [];
        IReadOnlyDictionary<string, Selection> selections = new Dictionary<string, Selection>();
        if (Child(root, "correlation") is { } corrNode)
        {
            correlation = ReadCorrelation(corrNode);
        }
        else if (Child(root, "filter") is { } filterNode)
        {
            if (filterNode is not YamlMappingNode filterMap)
            {
                throw new SigmaRuleException("'filter' must be a mapping", (int)filterNode.Start.Line);
            }

            filter = new SigmaFilter(List(filterMap, "rules"));
            if (filter.Rules.Count == 0)
            {
                throw new SigmaRuleException("the filter names no 'rules'", (int)filterNode.Start.Line);
            }

            (conditions, selections) = ReadDetection(filterMap, "rules");
        }
        else
        {
            var detection = Child(root, "detection") as YamlMappingNode
                ?? throw new SigmaRuleException("the rule has no 'detection' mapping (nor 'correlation' or 'filter')", line);
            (conditions, selections) = ReadDetection(detection, null);
        }

        return new SigmaRule
        {
            Id = id,
            Title = title,
            Name = name,
            Status = Scalar(root, "status"),
            Description = Scalar(root, "description"),
            Level = Scalar(root, "level") ?? "medium",
            Author = Scalar(root, "author"),
            Date = Scalar(root, "date"),
            Modified = Scalar(root, "modified"),
            License = Scalar(root, "license"),
            Taxonomy = Scalar(root, "taxonomy"),
            Tags = List(root, "tags"),
            References = List(root, "references"),
            FalsePositives = List(root, "falsepositives"),
            Fields = List(root, "fields"),
            Related = Related(root),
            LogSource = new LogSource(
                logsource is null ? null : Scalar(logsource, "product"),
                logsource is null ? null : Scalar(logsource, "category"),
                logsource is null ? null : Scalar(logsource, "service")),
            Conditions = conditions,
            Selections = selections,
            Correlation = correlation,
            Filter = filter,
            SourcePath = file,
            Line = line,
        };
    }

    private static List<KeyValuePair<string, string>> Related(YamlMappingNode root)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (Child(root, "related") is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children)
            {
                if (item is YamlMappingNode m && Scalar(m, "id") is { } rid)
                {
                    result.Add(new(rid, Scalar(m, "type") ?? ""));
                }
            }
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static List<string> List(YamlMappingNode map, string key) => Child(map, key) switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        YamlScalarNode s when !string.IsNullOrEmpty(s.Value) => [s.Value],
        _ => [],
    };
}
