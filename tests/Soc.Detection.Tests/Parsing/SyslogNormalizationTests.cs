using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Detection.Tests.Parsing;

public sealed class SyslogNormalizationTests
{
    [Fact]
    public void ClassifiesSshdOverNetworkSyslogAsAuth()
    {
        var ev = TestRecords.Normalize("syslog", "<38>Nov 21 09:00:00 web01 sshd[2211]: Failed password for invalid user admin from 2001:db8::66 port 40022 ssh2");
        Assert.Equal("system.auth", ev.GetString(EcsFields.EventDataset));
        Assert.Equal("admin", ev.GetString(EcsFields.UserName));
        Assert.Equal("2001:db8::66", ev.GetString(EcsFields.SourceIp));
        Assert.Equal(40022L, ev[EcsFields.SourcePort]);
        Assert.Equal("failure", ev.GetString(EcsFields.EventOutcome));
        Assert.Equal("auth", ev.GetString(EcsFields.LogSyslogFacilityName));
        Assert.Equal("info", ev.GetString(EcsFields.LogSyslogSeverityName));
        Assert.Equal("web01", ev.GetString(EcsFields.HostName));
        Assert.Equal("sshd", ev.GetString(EcsFields.ProcessName));
        Assert.Equal(2211L, ev[EcsFields.ProcessPid]);
        Assert.Equal(RawRecord.DefaultTimeZone, ev.GetString(EcsFields.EventTimezone));
        Assert.Equal("192.0.2.10", ev.GetString("log.source.address"));
    }

    [Fact]
    public void ReadsRfc5424WithStructuredDataAndVietnameseText()
    {
        var ev = TestRecords.Normalize("syslog",
            "<134>1 2026-11-21T09:30:00.250+07:00 app01.sotttt.gov.vn portal 4242 LOGIN [meta user=\"nguyễn.văn.a\" ip=\"203.0.113.5\"] \uFEFFĐăng nhập thành công");
        Assert.Equal("system.syslog", ev.GetString(EcsFields.EventDataset));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 30, 0, 250, TimeSpan.FromHours(7)), ev.Timestamp);
        Assert.Equal("nguyễn.văn.a", ev.GetString("log.syslog.structured_data.meta.user"));
        Assert.Equal("Đăng nhập thành công", ev.Message);
        Assert.Equal("LOGIN", ev.GetString(EcsFields.LogSyslogMsgId));
        Assert.Equal(1L, ev[EcsFields.LogSyslogVersion]);
        Assert.Equal(4242L, ev[EcsFields.ProcessPid]);
        Assert.False(ev.Has(EcsFields.EventTimezone));
    }

    [Fact]
    public void ChoosesTheYearThatIsNotInTheFuture()
    {
        var normalizer = new EventNormalizer(new FixedClock(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.Zero)));
        var december = normalizer.Normalize(TestRecords.Record("syslog", "<13>Dec 31 23:59:00 h app: late"));
        Assert.Equal(2026, december.Timestamp.Year);
        var tomorrow = normalizer.Normalize(TestRecords.Record("syslog", "<13>Jan  1 20:00:00 h app: early"));
        Assert.Equal(2027, tomorrow.Timestamp.Year);
        var leap = normalizer.Normalize(TestRecords.Record("syslog", "<13>Feb 29 12:00:00 h app: leap"));
        Assert.Equal(2024, leap.Timestamp.Year);
    }

    [Fact]
    public void UsesTheSourceZoneAndRecordsIt()
    {
        var ev = TestRecords.Normalize("system.syslog", "Nov 21 08:00:00 host cron[1]: hello", "Europe/Berlin");
        Assert.Equal(TimeSpan.FromHours(1), ev.Timestamp.Offset);
        Assert.Equal("Europe/Berlin", ev.GetString(EcsFields.EventTimezone));
        var fallback = TestRecords.Normalize("system.syslog", "Nov 21 08:00:00 host cron[1]: hello", "No/Such_Zone");
        Assert.Equal(TimeSpan.FromHours(7), fallback.Timestamp.Offset);
    }

    [Fact]
    public void ReadsSudoSuAndUserManagement()
    {
        var sudo = TestRecords.Normalize("syslog", "<85>Nov 21 09:01:00 web01 sudo:    bob : TTY=pts/2 ; PWD=/home/bob ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx");
        Assert.Equal("system.auth", sudo.GetString(EcsFields.EventDataset));
        Assert.Equal("bob", sudo.GetString(EcsFields.UserName));
        Assert.Equal("root", sudo.GetString("user.effective.name"));
        Assert.Equal("/usr/bin/systemctl restart nginx", sudo.GetString("process.command_line"));

        var su = TestRecords.Normalize("system.auth", "Nov 21 09:02:00 web01 su[300]: FAILED SU (to root) bob on pts/2");
        Assert.Equal("failure", su.GetString(EcsFields.EventOutcome));
        Assert.Equal("bob", su.GetString(EcsFields.UserName));

        var usermod = TestRecords.Normalize("system.auth", "Nov 21 09:03:00 web01 usermod[301]: add 'bob' to group 'sudo'");
        Assert.Equal(["iam"], TestRecords.List(usermod, EcsFields.EventCategory));
        Assert.Equal("sudo", usermod.GetString("group.name"));

        var passwd = TestRecords.Normalize("system.auth", "Nov 21 09:04:00 web01 passwd[302]: pam_unix(passwd:chauthtok): password changed for bob");
        Assert.Equal("bob", passwd.GetString(EcsFields.UserName));
        Assert.Equal("password_changed", passwd.GetString(EcsFields.EventAction));

        var logind = TestRecords.Normalize("system.auth", "Nov 21 09:05:00 web01 systemd-logind[1]: New session 17 of user bob.");
        Assert.Equal("bob", logind.GetString(EcsFields.UserName));
        Assert.Equal(["start"], TestRecords.List(logind, EcsFields.EventType));

        var cron = TestRecords.Normalize("system.syslog", "Nov 21 09:06:00 web01 CRON[303]: (root) CMD (/usr/local/bin/backup.sh)");
        Assert.Equal("root", cron.GetString(EcsFields.UserName));
        Assert.Equal("/usr/local/bin/backup.sh", cron.GetString("process.command_line"));
    }

    [Fact]
    public void ReadsAnAccessLogLineSentOverSyslog()
    {
        var ev = TestRecords.Normalize("syslog", "<190>Nov 21 10:00:00 web01 nginx: 198.51.100.8 - - [21/Nov/2026:10:00:00 +0700] \"GET /a?x=1 HTTP/1.1\" 404 12 \"-\" \"curl/8\"");
        Assert.Equal("nginx.access", ev.GetString(EcsFields.EventDataset));
        Assert.Equal("198.51.100.8", ev.GetString(EcsFields.SourceIp));
        Assert.Equal("/a", ev.GetString("url.path"));
        Assert.Equal(404L, ev["http.response.status_code"]);
        Assert.Equal("web01", ev.GetString(EcsFields.HostName));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(7)), ev.Timestamp);

        var notAccess = TestRecords.Normalize("syslog", "<190>Nov 21 10:00:00 web01 nginx: [emerg] bind() to 0.0.0.0:80 failed");
        Assert.Equal("system.syslog", notAccess.GetString(EcsFields.EventDataset));
        Assert.Equal(11, notAccess.Timestamp.Month);
    }

    [Fact]
    public void ReadsJsonLinesFlattened()
    {
        var ev = TestRecords.Normalize("json", "{\"@timestamp\":\"2026-11-21T02:00:00Z\",\"user\":{\"name\":\"an\",\"roles\":[\"admin\",\"dev\"]},\"status\":200,\"ratio\":0.5,\"ok\":true,\"message\":\"xin chào\"}");
        Assert.Equal("json", ev.GetString(EcsFields.EventDataset));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero), ev.Timestamp);
        Assert.Equal("an", ev.GetString("user.name"));
        Assert.Equal(["admin", "dev"], TestRecords.List(ev, "user.roles"));
        Assert.Equal(200L, ev["status"]);
        Assert.Equal(0.5, ev["ratio"]);
        Assert.Equal(true, ev["ok"]);
        Assert.Equal("xin chào", ev.Message);
        Assert.Contains(EcsFields.ParseFailureTag, TestRecords.List(TestRecords.Normalize("json", "{\"broken\":"), EcsFields.Tags));
    }

    [Fact]
    public void DetectsTheFormatOfAnUnknownSourceType()
    {
        Assert.Equal("nginx.access", TestRecords.Normalize("mystery", "1.2.3.4 - - [21/Nov/2026:10:15:32 +0700] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"").GetString(EcsFields.EventDataset));
        Assert.Equal("json", TestRecords.Normalize("", "{\"a\":1}").GetString(EcsFields.EventDataset));
        Assert.Equal("auditd", TestRecords.Normalize("x", "type=CWD msg=audit(1.0:1): cwd=\"/\"").GetString(EcsFields.EventDataset));
        Assert.Equal("system.syslog", TestRecords.Normalize("x", "<14>Nov 21 10:00:00 h app: hi").GetString(EcsFields.EventDataset));
        var unknown = TestRecords.Normalize("x", "just some words");
        Assert.Equal([EcsFields.ParseFailureTag], TestRecords.List(unknown, EcsFields.Tags));
        Assert.Equal("x", unknown.GetString(EcsFields.EventDataset));
    }

    [Fact]
    public void ReadsNginxErrorWithClientAndRequest()
    {
        var ev = TestRecords.Normalize("nginx.error", "2026/11/21 10:00:00 [crit] 100#100: *7 SSL_do_handshake() failed, client: 2001:db8::9, server: 0.0.0.0:443, request: \"GET /x HTTP/1.1\"");
        Assert.Equal("crit", ev.GetString(EcsFields.LogLevel));
        Assert.Equal("2001:db8::9", ev.GetString(EcsFields.SourceIp));
        Assert.Equal("/x", ev.GetString("url.original"));
        Assert.Equal(7L, ev["nginx.error.connection_id"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(7)), ev.Timestamp);
    }
}
