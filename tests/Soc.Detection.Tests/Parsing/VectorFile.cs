using System.Text;
using System.Text.Json;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Parsing;

/// <summary>Reads the JSON-lines test vectors of the shared corpus (logs/syslog-vectors).</summary>
public static class VectorFile
{
    public static IReadOnlyList<JsonElement> Read(string name)
    {
        var rows = new List<JsonElement>();
        foreach (var line in File.ReadLines(RepoPaths.CorpusFile("logs", "syslog-vectors", name)))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                rows.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return rows;
    }

    /// <summary>The case's input as the center would see it: bytes decoded as UTF-8, invalid sequences as U+FFFD.</summary>
    public static string Input(JsonElement row) =>
        row.TryGetProperty("input_base64", out var b64) ? Encoding.UTF8.GetString(Convert.FromBase64String(b64.GetString()!)) : row.GetProperty("input").GetString()!;

    public static string? Text(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name + "_base64", out var b64))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(b64.GetString()!));
        }

        return obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    public static bool HasOption(JsonElement row, string prefix)
    {
        if (!row.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var o in options.EnumerateArray())
        {
            if (o.GetString()!.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static string? Option(JsonElement row, string prefix)
    {
        if (!row.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var o in options.EnumerateArray())
        {
            var s = o.GetString()!;
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                var value = s[prefix.Length..];
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                return space < 0 ? value : value[..space];
            }
        }

        return null;
    }
}
