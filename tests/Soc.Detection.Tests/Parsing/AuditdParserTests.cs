using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Detection.Tests.Parsing;

public sealed class AuditdParserTests
{
    private const string Syscall = "type=SYSCALL msg=audit(1732240000.123:4711): arch=c000003e syscall=59 success=yes exit=0 a0=55d0c8a0 a1=55d0c8b0 a2=55d0c8c0 a3=0 items=2 ppid=1200 pid=1234 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"bash\" exe=\"/usr/bin/bash\" key=\"exec_watch\"";
    private const string Execve = "type=EXECVE msg=audit(1732240000.123:4711): argc=3 a0=\"bash\" a1=\"-c\" a2=6563686F2068656C6C6F20776F726C64";
    private const string Cwd = "type=CWD msg=audit(1732240000.123:4711): cwd=\"/root\"";
    private const string Path = "type=PATH msg=audit(1732240000.123:4711): item=0 name=\"/usr/bin/bash\" inode=1234 dev=08:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL";
    private const string Proctitle = "type=PROCTITLE msg=audit(1732240000.123:4711): proctitle=62617368002D63006563686F2068656C6C6F20776F726C64";
    private const string Eoe = "type=EOE msg=audit(1732240000.123:4711):";

    [Fact]
    public void ReadsOneRecordWithItsKeysAndEcsFields()
    {
        var ev = TestRecords.Normalize("auditd", Syscall);
        Assert.Equal("auditd", ev.GetString(EcsFields.EventDataset));
        Assert.Equal("SYSCALL", ev.GetString("auditd.type"));
        Assert.Equal("59", ev.GetString("auditd.syscall"));
        Assert.Equal("bash", ev.GetString("auditd.comm"));
        Assert.Equal("exec_watch", ev.GetString("auditd.key"));
        Assert.Equal("/usr/bin/bash", ev.GetString("process.executable"));
        Assert.Equal(1234L, ev[EcsFields.ProcessPid]);
        Assert.Equal(1200L, ev["process.parent.pid"]);
        Assert.Equal("0", ev.GetString("user.id"));
        Assert.Equal("1000", ev.GetString("user.audit.id"));
        Assert.Equal(4711L, ev["auditd.sequence"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1732240000123), ev.Timestamp);
        Assert.Equal(["process"], TestRecords.List(ev, EcsFields.EventCategory));
        Assert.Equal(["start"], TestRecords.List(ev, EcsFields.EventType));
        Assert.Equal("success", ev.GetString(EcsFields.EventOutcome));
    }

    [Fact]
    public void DecodesHexEncodedValues()
    {
        var ev = TestRecords.Normalize("auditd", Execve);
        Assert.Equal("echo hello world", ev.GetString("auditd.a2"));
        Assert.Equal("bash -c echo hello world", ev.GetString("process.command_line"));
        Assert.Equal(["bash", "-c", "echo hello world"], TestRecords.List(ev, "process.args"));
        var title = TestRecords.Normalize("auditd", Proctitle);
        Assert.Equal("bash -c echo hello world", title.GetString("auditd.proctitle"));
    }

    [Fact]
    public void ReadsTheQuotedMessageOfUserSpaceRecords()
    {
        var ev = TestRecords.Normalize("auditd",
            "type=USER_AUTH msg=audit(1732240100.000:99): pid=5000 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication grantors=? acct=\"root\" exe=\"/usr/sbin/sshd\" hostname=203.0.113.50 addr=203.0.113.50 terminal=ssh res=failed'");
        Assert.Equal("root", ev.GetString(EcsFields.UserName));
        Assert.Equal("203.0.113.50", ev.GetString(EcsFields.SourceIp));
        Assert.Equal("failure", ev.GetString(EcsFields.EventOutcome));
        Assert.Equal(["authentication"], TestRecords.List(ev, EcsFields.EventCategory));
        Assert.False(ev.Has("user.audit.id")); // 4294967295 = unset
    }

    [Fact]
    public void JoinsTheRecordsOfOneEventBySerial()
    {
        var joiner = new AuditRecordJoiner();
        var completed = new List<LogEvent>();
        foreach (var line in new[] { Syscall, Execve, Cwd, Path, Proctitle, Eoe })
        {
            if (joiner.TryAdd(TestRecords.Normalize("auditd", line), out var done))
            {
                completed.Add(done!);
            }
        }

        Assert.Null(joiner.Flush());
        var ev = Assert.Single(completed);
        Assert.Equal(["SYSCALL", "EXECVE", "CWD", "PATH", "PROCTITLE", "EOE"], TestRecords.List(ev, "auditd.type"));
        Assert.Equal("bash", ev.GetString("auditd.a0")); // EXECVE's argv replaces SYSCALL's registers
        Assert.Equal("bash -c echo hello world", ev.GetString("process.command_line"));
        Assert.Equal("/root", ev.GetString("process.working_directory"));
        Assert.Equal("/usr/bin/bash", ev.GetString("auditd.name"));
        Assert.Equal("exec_watch", ev.GetString("auditd.key"));
        Assert.Equal(1234L, ev[EcsFields.ProcessPid]);
        Assert.Equal(["process"], TestRecords.List(ev, EcsFields.EventCategory));
        Assert.Equal(string.Join("\n", Syscall, Execve, Cwd, Path, Proctitle, Eoe), ev.GetString(EcsFields.EventOriginal));
    }

    [Fact]
    public void HandsBackEventsWhenTheSerialChangesAndOnFlush()
    {
        var joiner = new AuditRecordJoiner();
        Assert.False(joiner.TryAdd(TestRecords.Normalize("auditd", Syscall), out _));
        Assert.False(joiner.TryAdd(TestRecords.Normalize("auditd", Cwd), out _));
        Assert.True(joiner.TryAdd(TestRecords.Normalize("auditd", Cwd.Replace(":4711)", ":4712)", StringComparison.Ordinal)), out var first));
        Assert.Equal(4711L, first!["auditd.sequence"]);
        var second = joiner.Flush();
        Assert.Equal(4712L, second!["auditd.sequence"]);
        Assert.Null(joiner.Flush());

        // A record the parser could not read is handed straight back, never held.
        Assert.True(joiner.TryAdd(TestRecords.Normalize("auditd", "garbage"), out var failure));
        Assert.Contains(EcsFields.ParseFailureTag, TestRecords.List(failure!, EcsFields.Tags));
    }
}
