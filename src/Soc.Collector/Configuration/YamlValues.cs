using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Soc.Collector.Configuration;

/// <summary>
/// Typed reads from one YAML mapping that record an error with the line of the offending node instead of
/// throwing, and remember which keys were read so unknown keys (typos) can be reported too.
/// </summary>
public sealed class YamlValues(YamlMappingNode node, string section, ConfigErrors errors)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public long Line => node.Start.Line;

    public string Section => section;

    public ConfigErrors Errors => errors;

    public void Error(string key, string message) => errors.Add(Find(key)?.Start.Line ?? Line, $"{Qualified(key)}: {message}");

    public bool Has(string key) => Find(key) is not null;

    public string? GetString(string key, string? defaultValue = null, bool required = false)
    {
        var value = Find(key);
        if (value is null || (value is YamlScalarNode { Value: null or "" } && required))
        {
            if (required)
            {
                errors.Add(value?.Start.Line ?? Line, $"{Qualified(key)} is required");
            }

            return defaultValue;
        }

        if (value is not YamlScalarNode scalar)
        {
            errors.Add(value.Start.Line, $"{Qualified(key)} must be a single value");
            return defaultValue;
        }

        return scalar.Value ?? defaultValue;
    }

    public long GetInteger(string key, long defaultValue, long min, long max)
    {
        var text = GetString(key);
        if (text is null)
        {
            return defaultValue;
        }

        if (!long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(key, $"'{text}' is not a whole number");
            return defaultValue;
        }

        if (value < min || value > max)
        {
            Error(key, $"{value} is outside {min}..{max}");
            return defaultValue;
        }

        return value;
    }

    public bool GetBoolean(string key, bool defaultValue)
    {
        var text = GetString(key);
        if (text is null)
        {
            return defaultValue;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(key, $"'{text}' is not true or false");
        return defaultValue;
    }

    /// <summary>A list of strings; a single scalar counts as a list of one.</summary>
    public List<(string Value, long Line)> GetStringList(string key)
    {
        var result = new List<(string, long)>();
        switch (Find(key))
        {
            case null:
                break;
            case YamlScalarNode scalar when !string.IsNullOrEmpty(scalar.Value):
                result.Add((scalar.Value, scalar.Start.Line));
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        result.Add((text, item.Start.Line));
                    }
                    else
                    {
                        errors.Add(item.Start.Line, $"{Qualified(key)}: each item must be a single value");
                    }
                }

                break;
            case var other:
                errors.Add(other.Start.Line, $"{Qualified(key)} must be a list");
                break;
        }

        return result;
    }

    public YamlValues? GetSection(string key)
    {
        switch (Find(key))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return new YamlValues(mapping, Qualified(key), errors);
            case YamlScalarNode { Value: null or "" }:
                return null;
            case var other:
                errors.Add(other.Start.Line, $"{Qualified(key)} must be a mapping of key: value");
                return null;
        }
    }

    public List<YamlValues> GetSectionList(string key)
    {
        var result = new List<YamlValues>();
        switch (Find(key))
        {
            case null:
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (sequence.Children[i] is YamlMappingNode mapping)
                    {
                        result.Add(new YamlValues(mapping, $"{Qualified(key)}[{i}]", errors));
                    }
                    else
                    {
                        errors.Add(sequence.Children[i].Start.Line, $"{Qualified(key)}[{i}] must be a mapping of key: value");
                    }
                }

                break;
            case YamlScalarNode { Value: null or "" }:
                break;
            case var other:
                errors.Add(other.Start.Line, $"{Qualified(key)} must be a list");
                break;
        }

        return result;
    }

    /// <summary>Reports keys nobody read: usually a typo that would otherwise silently keep a default.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var (key, _) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && !_read.Contains(name))
            {
                errors.Add(key.Start.Line, $"{Qualified(name)}: unknown setting");
            }
        }
    }

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    private string Qualified(string key) => section.Length == 0 ? key : $"{section}.{key}";
}
