namespace Soc.Collector.Configuration;

/// <summary>Options of the skeleton <c>TcpSyslogInput</c>; replaced by the inputs' own options classes at merge.</summary>
public sealed class InputOptions
{
    /// <summary><c>syslog_tcp</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Listen address, <c>host:port</c>.</summary>
    public string Listen { get; set; } = "";

    /// <summary>Source type the center parses by: <c>syslog</c>, <c>nginx.access</c>, ...</summary>
    public string SourceType { get; set; } = "syslog";

    /// <summary>IANA time zone for timestamps that carry none.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}
