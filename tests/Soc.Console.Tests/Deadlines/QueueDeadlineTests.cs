using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Soc.Console.Hosting;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Deadlines;

/// <summary>
/// The queue page of a real center: an incident past its acknowledge target is marked and a fresh one is
/// not. The critical acknowledge target is set to 0 minutes by configuration, so "past" needs no waiting.
/// </summary>
public sealed partial class QueueDeadlineTests : IAsyncLifetime
{
    private const string Password = "queue-test-password-1";
    private CenterFixture _center = null!;
    private long _overdue;
    private long _fresh;

    public async Task InitializeAsync()
    {
        _center = await CenterFixture.StartAsync(null, "--Soc:Deadlines:Operational:critical:AcknowledgeMinutes=0");
        var key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
        _center.Store.AddUser("an", Roles.Analyst, null, PasswordHashing.Hash("an", Password));
        using (var client = _center.Client())
        {
            using var response = await client.SendAsync(IngestBatch.Request(
                key,
                IngestBatch.Record("q-1", IngestBatch.SshdFailedRoot("203.0.113.41")),
                IngestBatch.Record("q-2", IngestBatch.SshdFailedRoot("203.0.113.42"))));
            response.EnsureSuccessStatusCode();
        }

        var incidents = await _center.Contract.ListIncidentsAsync(new IncidentFilter(null, Sort: "id"), CancellationToken.None);
        Assert.Equal(2, incidents.Count);
        var first = incidents.MinBy(i => i.Id)!;
        _overdue = first.Id;
        _fresh = incidents.MaxBy(i => i.Id)!.Id;
        Assert.NotEqual("critical", first.Severity);
        var changed = await _center.Contract.UpdateIncidentAsync(first.Id, first.Version, new IncidentChange(Severity: "critical"), "an", CancellationToken.None);
        Assert.Equal(IncidentUpdateOutcome.Updated, changed.Outcome);
        await Task.Delay(5); // past the 0-minute target by a few milliseconds
    }

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task MarksTheOverdueIncidentAndNotTheFreshOne()
    {
        using var session = await SignInAsync();

        var html = await session.Client.GetStringAsync("/");

        var rows = Rows(html);
        Assert.Contains("dl-overdue", rows[_overdue], StringComparison.Ordinal);
        Assert.DoesNotContain("dl-", rows[_fresh], StringComparison.Ordinal);
        // A sign and words beside the colour, and a tooltip naming the deadline.
        Assert.Matches($"data-id=\"{_overdue}\"[\\s\\S]*?<span class=\"small dl-mark dl-overdue\" title=\"Tiếp nhận sự cố — Hạn [^\"]+\">⚠ quá hạn", html);
    }

    [Fact]
    public async Task TheDeadlineFilterShowsOnlyIncidentsNearOrPastADeadline()
    {
        using var session = await SignInAsync();

        var html = await session.Client.GetStringAsync("/?deadline=overdue");

        Assert.Equal([_overdue], Rows(html).Keys);
        Assert.Contains("<option value=\"overdue\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIncidentPageListsTheOperationalAndLegalDeadlines()
    {
        using var session = await SignInAsync();

        var html = await session.Client.GetStringAsync($"/incidents/{_overdue}");

        Assert.Contains("id=\"clocks\"", html, StringComparison.Ordinal);
        Assert.Contains("data-deadline=\"operational/acknowledge\" data-state=\"overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("data-deadline=\"tt20-2017/notify\" data-state=\"pending\"", html, StringComparison.Ordinal);
        Assert.Contains("data-deadline=\"decree-2026/initial-notice-24h\" data-state=\"pending\"", html, StringComparison.Ordinal);
        Assert.Contains("Thông tư 20/2017/TT-BTTTT: thông báo sự cố trong vòng 05 ngày kể từ khi phát hiện", html, StringComparison.Ordinal);
        // Due times in the console's one format, offset stated (Razor writes "+" as &#x2B;).
        Assert.Matches(@"<td class=""nowrap"">\d\d/\d\d/\d{4} \d\d:\d\d \+07:00</td>", WebUtility.HtmlDecode(html));
    }

    private static Dictionary<long, string> Rows(string html) =>
        TableRow().Matches(html).ToDictionary(m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m => m.Groups[1].Value);

    private async Task<Session> SignInAsync()
    {
        var session = new Session(_center.BaseAddress);
        var token = Token(await session.Client.GetStringAsync("/login"));
        using var response = await session.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "an",
            ["Password"] = Password,
            ["__af"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    private static string Token(string html) => AntiForgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no anti-forgery token in page");

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryField();

    [GeneratedRegex("<tr class=\"([^\"]*)\" data-id=\"(\\d+)\"")]
    private static partial Regex TableRow();

    /// <summary>A cookie-keeping client that does not follow redirects.</summary>
    private sealed class Session(Uri baseAddress) : IDisposable
    {
        private readonly HttpClientHandler _handler = new() { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        private HttpClient? _client;

        public HttpClient Client => _client ??= new HttpClient(_handler) { BaseAddress = baseAddress };

        public void Dispose()
        {
            _client?.Dispose();
            _handler.Dispose();
        }
    }
}
