namespace Soc.Detection.Parsing;

/// <summary>Facility and severity keywords of RFC 5424 §6.2.1 (the names rsyslog and ECS use).</summary>
internal static class SyslogNames
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    private static readonly string[] Severities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    // Boxed once: every event shares these values instead of boxing a long per field.
    private static readonly object[] Boxed = BoxAll();

    public static string Facility(int code) => Facilities[code];

    public static string Severity(int code) => Severities[code];

    /// <summary>A cached boxed <see cref="long"/> for 0..191 (PRI, facility and severity codes).</summary>
    public static object Box(int value) => Boxed[value];

    private static object[] BoxAll()
    {
        var boxes = new object[192];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = (long)i;
        }

        return boxes;
    }
}
