using System.Globalization;
using System.Text;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// One Linux audit record (<c>type=SYSCALL msg=audit(1364481363.243:24287): arch=c000003e syscall=59 … exe="/usr/bin/id"</c>).
/// Every raw key becomes <c>auditd.&lt;key&gt;</c> (hex-encoded strings decoded), the single-quoted <c>msg='…'</c> of
/// user-space records is read as pairs too, and <see cref="DeriveEcs"/> adds the ECS fields. Records of one event are
/// joined by <see cref="AuditRecordJoiner"/>.
/// </summary>
public static class AuditdParser
{
    public const string TypeField = "auditd.type";
    public const string SequenceField = "auditd.sequence";

    public static bool TryParse(string line, LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan().TrimEnd("\r\n");
        var audit = s.IndexOf("msg=audit(", StringComparison.Ordinal);
        if (audit < 0 || !s.Contains("type=", StringComparison.Ordinal))
        {
            return false;
        }

        // msg=audit(SECONDS.MILLIS:SERIAL):
        var stamp = s[(audit + 10)..];
        var colon = stamp.IndexOf(':');
        var close = stamp.IndexOf(')');
        if (colon < 0 || close < colon
            || !decimal.TryParse(stamp[..colon], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253_402_300_799m
            || !long.TryParse(stamp[(colon + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            return false;
        }

        ev.Timestamp = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        ev.Set(SequenceField, serial);
        ev.Set("event.sequence", serial);
        var head = s[..audit];
        var body = stamp[(close + 1)..].TrimStart(':');
        ReadPairs(ev, head, execve: false);
        var type = ev.GetString(TypeField);
        if (type is null)
        {
            return false;
        }

        ReadPairs(ev, body, execve: type == "EXECVE");
        ev.Set(EcsFields.EventDataset, "auditd");
        ev.Set(EcsFields.EventModule, "auditd");
        DeriveEcs(ev);
        return true;
    }

    /// <summary>(Re)computes the ECS fields from the <c>auditd.*</c> fields; called again after records are joined.</summary>
    public static void DeriveEcs(LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        Copy(ev, "auditd.exe", "process.executable");
        Copy(ev, "auditd.comm", EcsFields.ProcessName);
        Copy(ev, "auditd.cwd", "process.working_directory");
        Copy(ev, "auditd.uid", "user.id");
        Copy(ev, "auditd.euid", "user.effective.id");
        Copy(ev, "auditd.auid", "user.audit.id");
        Copy(ev, "auditd.acct", EcsFields.UserName);
        Copy(ev, "auditd.key", "tags.audit_key");
        if (ev.GetString("auditd.pid") is { } pid)
        {
            EventFields.SetLong(ev, EcsFields.ProcessPid, pid);
        }

        if (ev.GetString("auditd.ppid") is { } ppid)
        {
            EventFields.SetLong(ev, "process.parent.pid", ppid);
        }

        if (ev.GetString("auditd.addr") is { } addr && EventFields.IsIp(addr))
        {
            EventFields.SetAddress(ev, "source", addr);
        }

        var isExecve = HasType(ev, "EXECVE") || ev.GetString("auditd.syscall") is "59" or "execve" or "11" or "221";
        if (HasType(ev, "EXECVE") && ev.GetString("auditd.argc") is { } argcText
            && int.TryParse(argcText, NumberStyles.None, CultureInfo.InvariantCulture, out var argc) && argc is > 0 and < 4096)
        {
            var args = new List<object?>(argc);
            var line = new StringBuilder();
            for (var k = 0; k < argc; k++)
            {
                if (ev.GetString("auditd.a" + k.ToString(CultureInfo.InvariantCulture)) is not { } arg)
                {
                    break;
                }

                args.Add(arg);
                line.Append(k == 0 ? string.Empty : " ").Append(arg);
            }

            ev.Set("process.args", args);
            ev.Set("process.args_count", (long)args.Count);
            ev.Set("process.command_line", line.ToString());
        }
        else if (ev.GetString("auditd.proctitle") is { } title && !ev.Has("process.command_line"))
        {
            ev.Set("process.command_line", title);
        }

        var result = ev.GetString("auditd.success") ?? ev.GetString("auditd.res");
        if (result is not null)
        {
            ev.Set(EcsFields.EventOutcome, result is "yes" or "success" or "1" ? "success" : "failure");
        }

        if (isExecve)
        {
            ev.Set(EcsFields.EventCategory, Categories.Process);
            ev.Set(EcsFields.EventType, Categories.Start);
            ev.Set(EcsFields.EventAction, "executed");
        }
        else if (HasType(ev, "USER_LOGIN") || HasType(ev, "USER_AUTH") || HasType(ev, "USER_ACCT") || HasType(ev, "USER_ERR"))
        {
            var ok = ev.GetString(EcsFields.EventOutcome) == "success";
            ev.Set(EcsFields.EventCategory, Categories.Authentication);
            ev.Set(EcsFields.EventType, ok ? Categories.AuthSuccess : Categories.AuthFailure);
        }
        else if (HasType(ev, "ADD_USER") || HasType(ev, "DEL_USER") || HasType(ev, "ADD_GROUP") || HasType(ev, "DEL_GROUP") || HasType(ev, "USER_MGMT"))
        {
            ev.Set(EcsFields.EventCategory, Categories.Iam);
            ev.Set(EcsFields.EventType, Categories.Change);
        }

        if (!ev.Has(EcsFields.EventAction) && ev[TypeField] is string single)
        {
            ev.Set(EcsFields.EventAction, single.ToLowerInvariant());
        }
    }

    /// <summary>True when the record (or any joined record) has this type.</summary>
    public static bool HasType(LogEvent ev, string type)
    {
        ArgumentNullException.ThrowIfNull(ev);
        switch (ev[TypeField])
        {
            case string s:
                return s == type;
            case IReadOnlyList<object?> list:
                foreach (var item in list)
                {
                    if (item as string == type)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static void Copy(LogEvent ev, string from, string to)
    {
        if (ev.GetString(from) is { } value && value is not ("?" or "(null)" or "(none)" or "unset" or "4294967295"))
        {
            ev.Set(to, value);
        }
    }

    private static void ReadPairs(LogEvent ev, ReadOnlySpan<char> text, bool execve)
    {
        var reader = new KeyValueReader(text);
        while (reader.TryNext(out var key, out var value, out var quote))
        {
            if (quote == '\'' && key.SequenceEqual("msg"))
            {
                ReadPairs(ev, value, execve: false);
                continue;
            }

            var decoded = quote == '\0' && IsHexEncoded(key, value, execve) ? DecodeHex(value) : value.ToString();
            ev.Set(string.Concat("auditd.", key), decoded);
        }
    }

    /// <summary>auditd writes untrusted strings either quoted or, when they hold spaces/quotes/controls, as hex.</summary>
    private static bool IsHexEncoded(ReadOnlySpan<char> key, ReadOnlySpan<char> value, bool execve)
    {
        var candidate = key is "proctitle" or "name" or "exe" or "comm" or "cwd" or "cmd" or "data" or "path" or "key" or "acct"
            or "old-chardev" or "new-chardev" or "vm" or "watch" || (execve && key.Length > 1 && key[0] == 'a' && char.IsAsciiDigit(key[1]) && !key.Contains('_'));
        if (!candidate || value.Length < 2 || value.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigitUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Hex to UTF-8 text; NUL separators (proctitle argv, multiple audit keys) become spaces.</summary>
    private static string DecodeHex(ReadOnlySpan<char> hex)
    {
        var bytes = hex.Length <= 512 ? stackalloc byte[hex.Length / 2] : new byte[hex.Length / 2];
        for (var k = 0; k < bytes.Length; k++)
        {
            bytes[k] = (byte)((HexValue(hex[2 * k]) << 4) | HexValue(hex[(2 * k) + 1]));
            if (bytes[k] is 0 or 1)
            {
                bytes[k] = (byte)' ';
            }
        }

        return Encoding.UTF8.GetString(bytes.TrimEnd((byte)' '));
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : c - 'A' + 10;
}
