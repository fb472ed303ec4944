using Soc.Detection.Sigma;
using YamlDotNet.RepresentationModel;

namespace Soc.Detection.Compilation;

/// <summary>
/// The editable mapping file (embedded <c>sigma-mapping.yml</c> by default): which datasets each Sigma
/// logsource applies to and how Sigma field names map to Soc's ECS fields, plus placeholder values.
/// </summary>
public sealed class LogSourceMap
{
    /// <summary>The route for rules with no logsource: every event, fields as written.</summary>
    public static readonly LogSourceRoute AnyRoute = new(null, null, null, [], new Dictionary<string, string>(), new Dictionary<string, string[]>(), null);

    private static readonly Lazy<LogSourceMap> DefaultMap = new(() =>
    {
        using var stream = typeof(LogSourceMap).Assembly.GetManifestResourceStream("Soc.Detection.sigma-mapping.yml")
            ?? throw new InvalidOperationException("embedded sigma-mapping.yml missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private LogSourceMap(IReadOnlyList<LogSourceRoute> routes, IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders)
    {
        Routes = routes;
        Placeholders = placeholders;
    }

    public static LogSourceMap Default => DefaultMap.Value;

    public IReadOnlyList<LogSourceRoute> Routes { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; }

    public static LogSourceMap Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>The routes a rule's logsource fits; <see cref="AnyRoute"/> alone for a rule without logsource.</summary>
    public List<LogSourceRoute> RoutesFor(LogSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Product is null && source.Category is null && source.Service is null)
        {
            return [AnyRoute];
        }

        var result = new List<LogSourceRoute>();
        foreach (var r in Routes)
        {
            if (Fits(r.Product, source.Product) && Fits(r.Category, source.Category) && Fits(r.Service, source.Service))
            {
                result.Add(r);
            }
        }

        return result;
    }

    private static bool Fits(string? route, string? rule) =>
        route is null ? rule is null : string.Equals(route, rule, StringComparison.OrdinalIgnoreCase);

    public static LogSourceMap Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var fieldsets = new Dictionary<string, Dictionary<string, string[]>>(StringComparer.Ordinal);
        if (Child(root, "fieldsets") is YamlMappingNode sets)
        {
            foreach (var (k, v) in sets.Children)
            {
                fieldsets[Text(k)] = ReadFields(v as YamlMappingNode);
            }
        }

        var routes = new List<LogSourceRoute>();
        if (Child(root, "routes") is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children.OfType<YamlMappingNode>())
            {
                var ls = Child(item, "logsource") as YamlMappingNode ?? new YamlMappingNode();
                var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
                foreach (var set in Strings(Child(item, "fieldsets")))
                {
                    if (!fieldsets.TryGetValue(set, out var map))
                    {
                        throw new FormatException($"mapping route uses unknown fieldset '{set}'");
                    }

                    foreach (var (k, v) in map)
                    {
                        fields[k] = v;
                    }
                }

                foreach (var (k, v) in ReadFields(Child(item, "fields") as YamlMappingNode))
                {
                    fields[k] = v;
                }

                var where = new Dictionary<string, string>(StringComparer.Ordinal);
                if (Child(item, "where") is YamlMappingNode w)
                {
                    foreach (var (k, v) in w.Children)
                    {
                        where[Text(k)] = Text(v);
                    }
                }

                routes.Add(new LogSourceRoute(
                    (Child(ls, "product") as YamlScalarNode)?.Value,
                    (Child(ls, "category") as YamlScalarNode)?.Value,
                    (Child(ls, "service") as YamlScalarNode)?.Value,
                    Strings(Child(item, "datasets")),
                    where,
                    fields,
                    (Child(item, "fallback_prefix") as YamlScalarNode)?.Value));
            }
        }

        var placeholders = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (Child(root, "placeholders") is YamlMappingNode ph)
        {
            foreach (var (k, v) in ph.Children)
            {
                placeholders[Text(k)] = Strings(v);
            }
        }

        return new LogSourceMap(routes, placeholders);
    }

    private static Dictionary<string, string[]> ReadFields(YamlMappingNode? map)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (map is not null)
        {
            foreach (var (k, v) in map.Children)
            {
                result[Text(k)] = [.. Strings(v)];
            }
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string Text(YamlNode node) => (node as YamlScalarNode)?.Value ?? "";

    private static List<string> Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode s => s.Children.Select(Text).ToList(),
        YamlScalarNode sc when !string.IsNullOrEmpty(sc.Value) => [sc.Value],
        _ => [],
    };
}
