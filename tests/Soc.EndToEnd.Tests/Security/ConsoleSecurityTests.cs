using System.Net;
using System.Text.RegularExpressions;
using Soc.EndToEnd.Tests.Browser;

namespace Soc.EndToEnd.Tests.Security;

/// <summary>The console's cookie side: anti-forgery on every form, sign-in lockout, role checks on pages.</summary>
[Collection(SharedCenter.Name)]
public sealed partial class ConsoleSecurityTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task ASignInFormPostedWithoutTheAntiForgeryTokenIsRejected()
    {
        using var client = fixture.Center.Client();
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "analyst", ["Password"] = ConsoleFixture.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ATriageFormPostedWithoutTheAntiForgeryTokenIsRejectedEvenWhenSignedIn()
    {
        using var session = await SignedInClientAsync("analyst");
        var form = new Dictionary<string, string> { ["act"] = "note", ["value"] = "forged" };
        var response = await session.Client.PostAsync($"/incidents/{fixture.TtttIncident}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bulk = await session.Client.PostAsync("/?handler=Bulk", new FormUrlEncodedContent(new Dictionary<string, string> { ["ids"] = fixture.HuyenIncident.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(HttpStatusCode.BadRequest, bulk.StatusCode);

        // The same post with the token goes through: the 400 above was the missing token, nothing else.
        form["__af"] = session.Token;
        var accepted = await session.Client.PostAsync($"/incidents/{fixture.TtttIncident}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task AnAuditorsTriagePostWithAValidTokenIsForbidden()
    {
        using var session = await SignedInClientAsync("auditor");
        var form = new Dictionary<string, string> { ["act"] = "close", ["value"] = "benign", ["__af"] = session.Token };
        var response = await session.Client.PostAsync($"/incidents/{fixture.HuyenIncident}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/denied", response.Headers.Location!.AbsolutePath);
        var bulk = await session.Client.PostAsync("/?handler=Bulk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ids"] = fixture.HuyenIncident.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["bulkAction"] = "close",
            ["reason"] = "benign",
            ["__af"] = session.Token,
        }));
        Assert.Equal("/denied", bulk.Headers.Location!.AbsolutePath);
        var page = await session.Client.GetStringAsync($"/incidents/{fixture.HuyenIncident}");
        Assert.DoesNotContain("closing-reason", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgencyViewerIsRefusedTheAuditTrailAndAnotherAgencysRawEvents()
    {
        using var session = await SignedInClientAsync("viewer");
        var audit = await session.Client.GetAsync("/audit");
        Assert.Equal("/denied", audit.Headers.Location!.AbsolutePath);
        var huyen = await session.Client.GetAsync($"/incidents/{fixture.HuyenIncident}");
        Assert.Equal(HttpStatusCode.NotFound, huyen.StatusCode);
    }

    [Fact]
    public async Task AnAgencyViewersExportAndRawEventsStayInsideTheirAgency()
    {
        using var session = await SignedInClientAsync("viewer");
        var csv = await session.Client.GetStringAsync("/search?handler=Export&range=all&q=");
        Assert.Contains("so-tttt", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("huyen-a", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.50", csv, StringComparison.Ordinal);

        // The raw event behind huyen-a's incident, by its exact id, is absent for this viewer.
        using var admin = fixture.Center.Client(fixture.Tokens["admin-api"]);
        var detail = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(admin, $"/api/v1/incidents/{fixture.HuyenIncident}");
        var eventId = detail.GetProperty("events")[0].GetProperty("id").GetString()!;
        var url = "/events/" + Uri.EscapeDataString(eventId);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync(url)).StatusCode);
        using var province = await SignedInClientAsync("analyst");
        Assert.Equal(HttpStatusCode.OK, (await province.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountEvenForTheRightPassword()
    {
        await fixture.Center.SocAsync("user", "add", "lockme", "--role", "analyst", "--password", ConsoleFixture.Password);
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await AnonymousClientAsync();
            var page = await attempt.Post("/login", new() { ["UserName"] = "lockme", ["Password"] = "guess-" + i });
            Assert.Contains("login", page, StringComparison.Ordinal);
        }

        using var right = await AnonymousClientAsync();
        var response = await right.Post("/login", new() { ["UserName"] = "lockme", ["Password"] = ConsoleFixture.Password });
        Assert.Contains("Tài khoản tạm khoá", response, StringComparison.Ordinal);

        using var auditor = fixture.Center.Client(fixture.Tokens["auditor"]);
        var trail = await auditor.GetStringAsync("/api/v1/audit?subject=user:lockme&limit=50");
        Assert.Contains("sign-in.failed", trail, StringComparison.Ordinal);
        Assert.Contains("sign-in.locked", trail, StringComparison.Ordinal);
        Assert.Contains("sign-in.refused-locked", trail, StringComparison.Ordinal);
    }

    private async Task<Session> AnonymousClientAsync()
    {
        var session = new Session(fixture.Center.BaseAddress);
        session.Token = Token(await session.Client.GetStringAsync("/login"));
        return session;
    }

    private async Task<Session> SignedInClientAsync(string user)
    {
        var session = await AnonymousClientAsync();
        var response = await session.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = ConsoleFixture.Password,
            ["__af"] = session.Token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The anti-forgery token is bound to the signed-in user: take a fresh one.
        session.Token = Token(await session.Client.GetStringAsync("/"));
        return session;
    }

    private static string Token(string html) => AntiForgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no anti-forgery token in page");

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryField();

    /// <summary>A cookie-keeping client that does not follow redirects, so tests see where they point.</summary>
    private sealed class Session(Uri baseAddress) : IDisposable
    {
        private readonly HttpClientHandler _handler = new() { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        private HttpClient? _client;

        public HttpClient Client => _client ??= new HttpClient(_handler) { BaseAddress = baseAddress };

        public string Token { get; set; } = "";

        public async Task<string> Post(string url, Dictionary<string, string> form)
        {
            form["__af"] = Token;
            var response = await Client.PostAsync(url, new FormUrlEncodedContent(form));
            return await response.Content.ReadAsStringAsync();
        }

        public void Dispose()
        {
            _client?.Dispose();
            _handler.Dispose();
        }
    }
}
