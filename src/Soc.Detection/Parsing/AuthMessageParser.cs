using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// Reads the messages of Linux authentication programs (sshd, sudo, su, PAM, shadow-utils, cron, systemd-logind,
/// login) into ECS: event.category/type/outcome/action, user.name, source.ip/port, group.*. Field names follow
/// Filebeat's system/auth module so that its fixtures and Sigma's mappings line up.
/// </summary>
public static partial class AuthMessageParser
{
    /// <summary>True for programs whose lines belong in <c>system.auth</c>.</summary>
    public static bool IsAuthProgram(ReadOnlySpan<char> program)
    {
        program = BaseName(program);
        return program switch
        {
            "sshd" or "sudo" or "su" or "useradd" or "usermod" or "userdel" or "groupadd" or "groupmod" or "groupdel"
                or "passwd" or "chpasswd" or "chage" or "gpasswd" or "login" or "pam" or "systemd-logind" or "polkitd"
                or "gdm" or "gdm-password" or "sshd-session" or "unix_chkpwd" or "newgrp" or "vsftpd" => true,
            _ => false,
        };
    }

    /// <summary>Adds what the message says; returns true when a known phrasing was recognised.</summary>
    public static bool Apply(LogEvent ev, string? process, string? message)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (message is null)
        {
            return false;
        }

        var program = BaseName(process);
        var msg = message.AsSpan().Trim();
        return program switch
        {
            "sshd" or "sshd-session" => Sshd(ev, msg) || Pam(ev, msg),
            "sudo" => Sudo(ev, msg) || Pam(ev, msg),
            "su" => Su(ev, msg) || Pam(ev, msg),
            "useradd" or "usermod" or "userdel" or "groupadd" or "groupmod" or "groupdel" or "gpasswd" => ShadowUtils.Apply(ev, msg),
            "cron" or "CRON" or "crond" => Cron(ev, msg) || Pam(ev, msg),
            "systemd-logind" => Logind(ev, msg),
            "login" => Login(ev, msg) || Pam(ev, msg),
            _ => Pam(ev, msg),
        };
    }

    /// <summary><c>sshd(pam_unix)</c> → <c>sshd</c>; <c>/usr/sbin/cron</c> → <c>cron</c>.</summary>
    private static ReadOnlySpan<char> BaseName(ReadOnlySpan<char> program)
    {
        var paren = program.IndexOf('(');
        if (paren > 0)
        {
            program = program[..paren];
        }

        var slash = program.LastIndexOf('/');
        return slash >= 0 ? program[(slash + 1)..] : program;
    }
}
