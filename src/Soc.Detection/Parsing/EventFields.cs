using System.Globalization;
using System.Net;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>Small writers shared by the parsers: "-" and empty mean absent, numbers are stored as <see cref="long"/>.</summary>
internal static class EventFields
{
    public static void SetText(LogEvent ev, string field, ReadOnlySpan<char> value)
    {
        if (!value.IsEmpty && !value.SequenceEqual("-"))
        {
            ev.Set(field, value.ToString());
        }
    }

    public static bool SetLong(LogEvent ev, string field, ReadOnlySpan<char> value)
    {
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            ev.Set(field, n < 192 && n >= 0 ? SyslogNames.Box((int)n) : n);
            return true;
        }

        return false;
    }

    /// <summary>
    /// An address field: always <c>{prefix}.address</c>; <c>{prefix}.ip</c> when it is an IP (brackets and a zone
    /// index allowed), otherwise <c>{prefix}.domain</c> when it looks like a host name.
    /// </summary>
    public static void SetAddress(LogEvent ev, string prefix, ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty || value.SequenceEqual("-"))
        {
            return;
        }

        var text = value.ToString();
        ev.Set(prefix + ".address", text);
        if (IsIp(value))
        {
            ev.Set(prefix + ".ip", text);
        }
        else if (LooksLikeHostName(value))
        {
            ev.Set(prefix + ".domain", text);
        }
    }

    public static bool IsIp(ReadOnlySpan<char> value) => value.Length is > 1 and < 64 && IPAddress.TryParse(value, out _);

    /// <summary>True for RFC 1918, loopback, link-local, CGNAT and IPv6 unique-local/link-local addresses.</summary>
    public static bool IsPrivateIp(ReadOnlySpan<char> value)
    {
        if (!IPAddress.TryParse(value, out var ip))
        {
            return false;
        }

        if (IPAddress.IsLoopback(ip))
        {
            return true;
        }

        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        }

        Span<byte> b = stackalloc byte[4];
        ip.TryWriteBytes(b, out _);
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }

    private static bool LooksLikeHostName(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.' && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
