using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Soc.Console.Hosting;
using Soc.Console.Security;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Ingest;

/// <summary>POST /api/v1/collectors/heartbeat on a real center, and the dashboard's collector-health table it feeds.</summary>
public sealed partial class CollectorHeartbeatApiTests : IAsyncLifetime
{
    private CenterFixture _center = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _center = await CenterFixture.StartAsync();
        _key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
        _center.Store.AddAgency("ub-hd", "UBND huyện Hòa Đông", null);
    }

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task StoresTheLatestHeartbeatOfEachCollectorUnderTheKeysAgency()
    {
        using var first = await PostAsync(_key, Heartbeat("col-1", read: 100, depth: 40));
        using var second = await PostAsync(_key, Heartbeat("col-1", read: 250, depth: 5, tooLarge: 1, queueFull: 2, malformed: 3));
        using var other = await PostAsync(_key, Heartbeat("col-2", read: 7));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent], new[] { first.StatusCode, second.StatusCode, other.StatusCode });
        var stored = _center.Store.Heartbeats(null);
        Assert.Equal(["col-1", "col-2"], stored.Select(h => h.CollectorId));
        var latest = stored[0];
        Assert.Equal(("so-tttt", "web01", 250L, 240L, 5L, 6L, 9L), (latest.AgencyId, latest.Host, latest.RecordsRead, latest.RecordsShipped, latest.QueueDepth, latest.Dropped, latest.Truncated));
        Assert.Equal(60, latest.IntervalSeconds);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), latest.StartedAt);
        Assert.Empty(_center.Store.Heartbeats(["ub-hd"]));
    }

    [Fact]
    public async Task RefusesAnUnknownOrMissingKeyAndStoresNothing()
    {
        using var wrong = await PostAsync("soca-not-a-key", Heartbeat("col-x"));
        using var none = await PostAsync(null, Heartbeat("col-x"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Empty(_center.Store.Heartbeats(null));
    }

    [Fact]
    public async Task AnswersAMalformedHeartbeat400()
    {
        using var notJson = await PostAsync(_key, "{not json");
        using var noCollector = await PostAsync(_key, "{\"host\":\"web01\"}");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noCollector.StatusCode);
        Assert.Empty(_center.Store.Heartbeats(null));
    }

    [Fact]
    public async Task TheDashboardShowsCollectorAndCenterDropsPerAgencyWithinTheViewersScope()
    {
        using (await PostAsync(_key, Heartbeat("col-1", tooLarge: 3, queueFull: 4, malformed: 5, depth: 17)))
        {
        }

        // One batch the center refuses as malformed (400): counted against the key's agency.
        using (var client = _center.Client())
        using (var refused = await client.SendAsync(IngestBatch.Request(_key, Encoding.UTF8.GetBytes("this is not json\n"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        _center.Store.AddUser("boss", Roles.Admin, null, PasswordHashing.Hash("boss", "dashboard-password"));
        _center.Store.AddUser("viewer", Roles.AgencyViewer, "ub-hd", PasswordHashing.Hash("viewer", "dashboard-password"));
        var province = await DashboardAsync("boss");
        var district = await DashboardAsync("viewer");

        var row = Row(province, "so-tttt");
        Assert.Equal("12", Cell(row, "dropped-collector"));
        Assert.Equal("1", Cell(row, "dropped-center"));
        Assert.StartsWith("17", Cell(row, "backlog"), StringComparison.Ordinal);
        Assert.Contains("ub-hd", district, StringComparison.Ordinal);
        Assert.DoesNotContain("data-agency=\"so-tttt\"", district, StringComparison.Ordinal);
    }

    private static string Heartbeat(string collector, long read = 0, long depth = 0, long tooLarge = 0, long queueFull = 0, long malformed = 0) =>
        $$"""
        {"collector":"{{collector}}","host":"web01","version":"test","startedAt":"2026-12-01T08:00:00Z","intervalSeconds":60,
         "recordsRead":{{read}},"recordsShipped":{{Math.Max(0, read - 10)}},
         "dropped":{"tooLarge":{{tooLarge}},"queueFull":{{queueFull}},"malformed":{{malformed}}},"truncated":9,
         "queue":{"depth":{{depth}},"oldestUnsentSeconds":30},"someFutureCounter":1}
        """;

    private async Task<HttpResponseMessage> PostAsync(string? key, string json)
    {
        using var client = _center.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/collectors/heartbeat") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        }

        return await client.SendAsync(request);
    }

    private async Task<string> DashboardAsync(string user)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _center.BaseAddress };
        var login = await browser.GetStringAsync(new Uri("/login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = "dashboard-password",
            ["ReturnUrl"] = "/dashboard",
            ["__af"] = AntiForgery().Match(login).Groups[1].Value,
        });
        using var signedIn = await browser.PostAsync(new Uri("/login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return await browser.GetStringAsync(new Uri("/dashboard", UriKind.Relative));
    }

    private static string Row(string html, string agency)
    {
        var start = html.IndexOf($"data-agency=\"{agency}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no collector-health row for {agency}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static string Cell(string row, string cssClass)
    {
        var match = Regex.Match(row, $"class=\"num {cssClass}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"no {cssClass} cell");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
