using Soc.Detection.Events;

namespace Soc.Detection.Tests.Parsing;

public sealed class AccessLogParserTests
{
    [Fact]
    public void ReadsCombinedLineWithPathAndQuerySplit()
    {
        var ev = TestRecords.Normalize("nginx.access",
            "203.0.113.9 - alice [21/Nov/2026:10:15:32 +0700] \"GET /tin-tuc/bai-viet.php?id=42&lang=vi HTTP/1.1\" 200 5120 \"https://example.gov.vn/\" \"Mozilla/5.0 (X11; Linux x86_64)\"");
        Assert.False(ev.Has(EcsFields.Tags));
        Assert.Equal("nginx.access", ev.GetString(EcsFields.EventDataset));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 15, 32, TimeSpan.FromHours(7)), ev.Timestamp);
        Assert.Equal("2026-11-21T10:15:32+07:00", ev.GetString(EcsFields.Timestamp));
        Assert.Equal("203.0.113.9", ev.GetString(EcsFields.SourceIp));
        Assert.Equal("alice", ev.GetString(EcsFields.UserName));
        Assert.Equal("GET", ev.GetString("http.request.method"));
        Assert.Equal("/tin-tuc/bai-viet.php?id=42&lang=vi", ev.GetString("url.original"));
        Assert.Equal("/tin-tuc/bai-viet.php", ev.GetString("url.path"));
        Assert.Equal("id=42&lang=vi", ev.GetString("url.query"));
        Assert.Equal("php", ev.GetString("url.extension"));
        Assert.Equal("1.1", ev.GetString("http.version"));
        Assert.Equal(200L, ev["http.response.status_code"]);
        Assert.Equal(5120L, ev["http.response.body.bytes"]);
        Assert.Equal("https://example.gov.vn/", ev.GetString("http.request.referrer"));
        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64)", ev.GetString("user_agent.original"));
        Assert.Equal("success", ev.GetString(EcsFields.EventOutcome));
        Assert.False(ev.Has(EcsFields.EventTimezone)); // the line states its offset
    }

    [Fact]
    public void TreatsDashAsMissingAndReadsCommonFormat()
    {
        var ev = TestRecords.Normalize("apache.access", "2001:db8::7 - - [01/Jan/2026:00:00:01 +0000] \"POST /login HTTP/1.0\" 401 -");
        Assert.Equal("2001:db8::7", ev.GetString(EcsFields.SourceIp));
        Assert.False(ev.Has(EcsFields.UserName));
        Assert.False(ev.Has("http.response.body.bytes"));
        Assert.False(ev.Has("http.request.referrer"));
        Assert.Equal(401L, ev["http.response.status_code"]);
        Assert.Equal("failure", ev.GetString(EcsFields.EventOutcome));
    }

    [Fact]
    public void ReadsApacheVhostCombined()
    {
        var ev = TestRecords.Normalize("apache.access",
            "portal.example.gov.vn:443 198.51.100.4 - - [02/Feb/2026:08:00:00 +0700] \"GET / HTTP/2.0\" 200 10 \"-\" \"curl/8.0\"");
        Assert.Equal("portal.example.gov.vn", ev.GetString("url.domain"));
        Assert.Equal(443L, ev["destination.port"]);
        Assert.Equal("198.51.100.4", ev.GetString(EcsFields.SourceIp));
        Assert.Equal("2.0", ev.GetString("http.version"));
    }

    [Fact]
    public void TakesTheClientFromATrailingForwardedForList()
    {
        var ev = TestRecords.Normalize("nginx.access",
            "10.0.0.5 - - [02/Feb/2026:08:00:00 +0700] \"GET /a HTTP/1.1\" 200 10 \"-\" \"curl/8.0\" \"198.51.100.77, 10.0.0.1\"");
        Assert.Equal("198.51.100.77", ev.GetString(EcsFields.SourceIp));
        Assert.Equal(["198.51.100.77", "10.0.0.1"], TestRecords.List(ev, "http.request.x_forwarded_for"));
        Assert.Equal(["10.0.0.5"], TestRecords.List(ev, "nginx.access.remote_ip_list")); // the proxy stays visible
    }

    [Fact]
    public void KeepsAMalformedLineAsParseFailure()
    {
        var ev = TestRecords.Normalize("nginx.access", "this is not an access log line");
        Assert.Equal([Events.EcsFields.ParseFailureTag], TestRecords.List(ev, EcsFields.Tags));
        Assert.Equal("this is not an access log line", ev.Message);
        Assert.Equal("this is not an access log line", ev.GetString(EcsFields.EventOriginal));
        Assert.Equal("rec-1", ev.GetString(EcsFields.EventId));
        Assert.Equal("collector-host", ev.GetString(EcsFields.HostName));
        Assert.Equal("/var/log/test.log", ev.GetString(EcsFields.LogFilePath));
        Assert.Equal(TestRecords.Now, ev.Timestamp);
    }
}
