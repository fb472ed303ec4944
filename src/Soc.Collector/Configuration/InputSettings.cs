namespace Soc.Collector.Configuration;

/// <summary>
/// One entry of <c>inputs:</c> as written: its <see cref="Type"/> and its settings, read through
/// <see cref="Values"/> so every mistake is reported with its line. <see cref="InputFactory"/> turns it into an input.
/// </summary>
public sealed class InputSettings(string type, YamlValues values)
{
    public string Type { get; } = type;

    public YamlValues Values { get; } = values;

    /// <summary>Optional <c>name:</c>; otherwise the input names itself (e.g. <c>syslog_tcp:0.0.0.0:514</c>).</summary>
    public string? Name { get; init; }
}
