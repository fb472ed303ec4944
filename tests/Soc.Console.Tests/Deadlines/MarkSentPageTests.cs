using System.Net;
using System.Text.RegularExpressions;
using Soc.Console.Hosting;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Deadlines;

/// <summary>The clocks card's "mark sent" form on a real center: anti-forgery checked, recorded, shown, audited.</summary>
public sealed partial class MarkSentPageTests : IAsyncLifetime
{
    private const string Password = "mark-sent-password-1";
    private CenterFixture _center = null!;
    private long _incident;

    public async Task InitializeAsync()
    {
        _center = await CenterFixture.StartAsync();
        var key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
        _center.Store.AddUser("an", Roles.Analyst, null, PasswordHashing.Hash("an", Password));
        using (var client = _center.Client())
        {
            using var response = await client.SendAsync(IngestBatch.Request(key, IngestBatch.Record("p-1", IngestBatch.SshdFailedRoot("203.0.113.61"))));
            response.EnsureSuccessStatusCode();
        }

        _incident = Assert.Single(await _center.Contract.ListIncidentsAsync(new IncidentFilter(null), CancellationToken.None)).Id;
    }

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task MarkingMau03SentOnTheIncidentPageMeetsTheNotifyDeadline()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = _center.BaseAddress };
        using (var login = await client.PostAsync("/login", Form(("UserName", "an"), ("Password", Password), ("__af", Token(await client.GetStringAsync("/login"))))))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = await client.GetStringAsync($"/incidents/{_incident}");
        Assert.Contains("id=\"milestone-form\"", page, StringComparison.Ordinal);
        var sent = DateTimeOffset.UtcNow.AddHours(7).AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        // Without the anti-forgery token the post is refused and nothing is recorded.
        using (var forged = await client.PostAsync($"/incidents/{_incident}?handler=Milestone", Form(("milestone", "initialReport"), ("at", sent))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Empty(_center.Store.ListRecordedMilestones(_incident));
        using (var posted = await client.PostAsync($"/incidents/{_incident}?handler=Milestone", Form(("milestone", "initialReport"), ("at", sent), ("note", "CV 7/STTTT"), ("__af", Token(page)))))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var after = await client.GetStringAsync($"/incidents/{_incident}");
        Assert.Contains("data-deadline=\"tt20-2017/notify\" data-state=\"met\"", after, StringComparison.Ordinal);
        Assert.Equal("CV 7/STTTT", Assert.Single(_center.Store.ListRecordedMilestones(_incident)).Note);
        var audit = await _center.Contract.ListAuditAsync($"incident:{_incident}", 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "incident.milestone" && e.Actor == "an");
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static string Token(string html) => AntiForgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no anti-forgery token in page");

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryField();
}
