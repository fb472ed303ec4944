using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Soc.Collector.Configuration;

/// <summary>Reads and validates the config file, reporting every error at once.</summary>
public static class CollectorConfigLoader
{
    public static (CollectorOptions? Options, IReadOnlyList<string> Errors) Load(string path)
    {
        var errors = new List<string>();
        CollectorOptions options;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            options = deserializer.Deserialize<CollectorOptions>(File.ReadAllText(path)) ?? new CollectorOptions();
        }
        catch (YamlException ex)
        {
            return (null, [$"{path}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}"]);
        }
        catch (IOException ex)
        {
            return (null, [$"{path}: {ex.Message}"]);
        }

        if (!Uri.TryCreate(options.Center.Url, UriKind.Absolute, out _))
        {
            errors.Add($"{path}: center.url '{options.Center.Url}' is not an absolute URL");
        }

        if (string.IsNullOrWhiteSpace(options.Center.ApiKey))
        {
            errors.Add($"{path}: center.apiKey is required (print one with 'soc agency add')");
        }

        for (var i = 0; i < options.Inputs.Count; i++)
        {
            var input = options.Inputs[i];
            if (input.Type != "syslog_tcp")
            {
                errors.Add($"{path}: inputs[{i}].type '{input.Type}' is not one of: syslog_tcp");
            }

            if (!System.Net.IPEndPoint.TryParse(input.Listen, out _))
            {
                errors.Add($"{path}: inputs[{i}].listen '{input.Listen}' is not host:port");
            }
        }

        return (errors.Count == 0 ? options : null, errors);
    }
}
