using System.Net;
using Soc.Collector.Inputs;

namespace Soc.Collector.Configuration;

/// <summary>
/// Maps the <c>type:</c> of an <c>inputs:</c> entry to a builder. A builder reads its settings through
/// <see cref="InputSettings.Values"/> (errors land in the shared list with line numbers) and returns the input,
/// or null when the settings are invalid. Adding an input type is one <see cref="Register"/> call.
/// </summary>
public sealed class InputFactory
{
    private readonly Dictionary<string, Func<InputSettings, CollectorOptions, IInput?>> _builders = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Types => _builders.Keys;

    /// <summary>The input types this build knows.</summary>
    public static InputFactory CreateDefault() => new InputFactory()
        .Register("syslog_tcp", CreateTcpSyslog);

    public InputFactory Register(string type, Func<InputSettings, CollectorOptions, IInput?> builder)
    {
        _builders[type] = builder;
        return this;
    }

    public IInput? Create(InputSettings settings, CollectorOptions collector)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_builders.TryGetValue(settings.Type, out var builder))
        {
            return builder(settings, collector);
        }

        settings.Values.Error("type", $"'{settings.Type}' is not one of: {string.Join(", ", _builders.Keys.Order(StringComparer.Ordinal))}");
        return null;
    }

    private static IInput? CreateTcpSyslog(InputSettings settings, CollectorOptions collector)
    {
        var values = settings.Values;
        var options = new InputOptions
        {
            Type = settings.Type,
            Listen = values.GetString("listen", "", required: true)!,
            SourceType = values.GetString("sourceType", "syslog")!,
            TimeZone = values.GetString("timeZone", "Asia/Ho_Chi_Minh")!,
        };
        var valid = true;
        if (options.Listen.Length > 0 && !(IPEndPoint.TryParse(options.Listen, out var endpoint) && endpoint.Port > 0))
        {
            values.Error("listen", $"'{options.Listen}' is not ip:port");
            valid = false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            values.Error("timeZone", $"'{options.TimeZone}' is not a known IANA time zone");
            valid = false;
        }

        return valid && options.Listen.Length > 0
            ? new TcpSyslogInputAdapter(settings.Name ?? $"syslog_tcp:{options.Listen}", options, collector)
            : null;
    }
}
