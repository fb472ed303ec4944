using Soc.Collector.Framing;
using Soc.Collector.Inputs;
using Soc.Collector.Inputs.Files;
using Soc.Collector.Inputs.Syslog;

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
        .Register("syslog_tcp", (s, c) => CreateSyslog(s, c, SyslogTransport.Tcp))
        .Register("syslog_tls", (s, c) => CreateSyslog(s, c, SyslogTransport.Tls))
        .Register("syslog_udp", (s, c) => CreateSyslog(s, c, SyslogTransport.Udp))
        .Register("file", CreateFile);

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

    private static IInput? CreateSyslog(InputSettings settings, CollectorOptions collector, SyslogTransport transport)
    {
        var v = settings.Values;
        var errorsBefore = v.Errors.Messages.Count;
        var options = new SyslogInputOptions
        {
            Name = settings.Name,
            Transport = transport,
            Listen = v.GetString("listen", "", required: true)!,
            SourceType = v.GetString("sourceType", "syslog")!,
            TimeZone = v.GetString("timeZone", "Asia/Ho_Chi_Minh")!,
            MaxMessageBytes = (int)v.GetInteger("maxMessageBytes", 64 * 1024, 480, 16 * 1024 * 1024),
            Framing = Enum<FramingMode>(v, "framing", FramingMode.Detect),
            MaxConnections = (int)v.GetInteger("maxConnections", 1024, 1, 100_000),
            ReceiveBufferBytes = (int)v.GetInteger("receiveBufferBytes", 0, 0, 256 * 1024 * 1024),
            TlsCertificateFile = v.GetString("tlsCertificateFile", required: transport == SyslogTransport.Tls),
            TlsKeyFile = v.GetString("tlsKeyFile"),
            TlsCertificatePassword = v.GetString("tlsCertificatePassword"),
            TlsClientCaFile = v.GetString("tlsClientCaFile"),
            TlsHandshakeTimeoutSeconds = (int)v.GetInteger("tlsHandshakeTimeoutSeconds", 10, 1, 600),
        };
        // Keyed checks first, so the error points at the line of the bad value.
        if (options.Listen.Length > 0 && !(System.Net.IPEndPoint.TryParse(options.Listen, out var endpoint) && endpoint.Port > 0))
        {
            v.Error("listen", $"'{options.Listen}' is not address:port (e.g. [::]:5514 or 0.0.0.0:514)");
        }

        CheckTimeZone(v, options.TimeZone);
        if (v.Errors.Messages.Count > errorsBefore)
        {
            return null;
        }

        return Validated(v, options.Validate())
            ? transport == SyslogTransport.Udp ? new UdpSyslogInput(options, collector.Host) : new TcpSyslogInput(options, collector.Host)
            : null;
    }

    private static IInput? CreateFile(InputSettings settings, CollectorOptions collector)
    {
        var v = settings.Values;
        var errorsBefore = v.Errors.Messages.Count;
        var options = new FileInputOptions
        {
            Name = settings.Name ?? "",
            Paths = [.. v.GetStringList("paths").Select(p => p.Value)],
            Exclude = [.. v.GetStringList("exclude").Select(p => p.Value)],
            SourceType = v.GetString("sourceType", "", required: true)!,
            TimeZone = v.GetString("timeZone", "Asia/Ho_Chi_Minh")!,
            DataDirectory = collector.DataDirectory,
            StartPosition = Enum<StartPosition>(v, "startPosition", StartPosition.Beginning),
            PollIntervalMilliseconds = (int)v.GetInteger("pollIntervalMilliseconds", 250, 10, 60_000),
            MaxMessageBytes = (int)v.GetInteger("maxMessageBytes", 256 * 1024, 1024, 16 * 1024 * 1024),
            PartialLineTimeoutSeconds = (int)v.GetInteger("partialLineTimeoutSeconds", 0, 0, 86_400),
            MultilineStartPattern = v.GetString("multilineStartPattern"),
            MultilineTimeoutSeconds = (int)v.GetInteger("multilineTimeoutSeconds", 2, 1, 3600),
            RotatedFileGraceSeconds = (int)v.GetInteger("rotatedFileGraceSeconds", 30, 0, 86_400),
            CheckpointIntervalMilliseconds = (int)v.GetInteger("checkpointIntervalMilliseconds", 1000, 10, 600_000),
            ForgetMissingFilesAfterHours = (int)v.GetInteger("forgetMissingFilesAfterHours", 24, 1, 24 * 365),
        };
        if (options.Name.Length == 0)
        {
            v.Error("name", "a file input needs a name: it names the input's checkpoint file");
        }

        if (options.Paths.Count == 0)
        {
            v.Error("paths", "at least one absolute path or glob is required");
        }

        CheckTimeZone(v, options.TimeZone);

        if (v.Errors.Messages.Count > errorsBefore)
        {
            return null;
        }

        return Validated(v, options.Validate()) ? new FileInput(options, collector.Host) : null;
    }

    private static void CheckTimeZone(YamlValues values, string zone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            values.Error("timeZone", $"'{zone}' is not a known IANA time zone");
        }
    }

    private static bool Validated(YamlValues values, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            values.Errors.Add(values.Line, $"{values.Section}: {problem}");
        }

        return problems.Count == 0;
    }

    private static T Enum<T>(YamlValues values, string key, T defaultValue)
        where T : struct, Enum
    {
        var text = values.GetString(key);
        if (text is null)
        {
            return defaultValue;
        }

        if (System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        values.Error(key, $"'{text}' is not one of: {string.Join(", ", System.Enum.GetNames<T>())}");
        return defaultValue;
    }
}
