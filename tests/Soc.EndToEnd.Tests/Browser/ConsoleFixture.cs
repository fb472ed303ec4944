using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Soc.EndToEnd.Tests.Support;

namespace Soc.EndToEnd.Tests.Browser;

/// <summary>
/// One real center shared by the console's browser and security tests: a province with two agencies,
/// a user of each role with an API token, and incidents produced by feeding real sshd lines through
/// the ingest API (so they went through parsing, Sigma detection and grouping).
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "console-test-password";

    private readonly string _work = Directory.CreateTempSubdirectory("soc-console-").FullName;

    public CenterProcess Center { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>API tokens by user name (analyst, auditor, viewer, admin-api).</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>The incident of the ssh brute force on so-tttt (three alerts from 203.0.113.200 on portal01).</summary>
    public long TtttIncident { get; private set; }

    /// <summary>An incident of huyen-a, which the so-tttt viewer must not see.</summary>
    public long HuyenIncident { get; private set; }

    public async Task InitializeAsync()
    {
        Center = await CenterProcess.StartAsync(_work);
        await Center.SocAsync("agency", "add", "tinh", "--name", "UBND tỉnh");
        var tttt = (await Center.SocAsync("agency", "add", "so-tttt", "--name", "Sở Thông tin và Truyền thông", "--parent", "tinh")).Trim();
        var huyen = (await Center.SocAsync("agency", "add", "huyen-a", "--name", "UBND huyện A", "--parent", "tinh")).Trim();
        foreach (var (user, role, agency) in new[] { ("analyst", "analyst", (string?)null), ("auditor", "auditor", null), ("viewer", "agency-viewer", "so-tttt"), ("admin-api", "admin", null) })
        {
            string[] args = agency is null
                ? ["user", "add", user, "--role", role, "--password", Password]
                : ["user", "add", user, "--role", role, "--agency", agency, "--password", Password];
            await Center.SocAsync(args);
            Tokens[user] = (await Center.SocAsync("token", "create", "--user", user)).Trim();
        }

        await IngestAsync(tttt, "portal01",
            "<38>Nov 22 09:14:07 portal01 sshd[311]: Failed password for root from 203.0.113.200 port 4022 ssh2",
            "<38>Nov 22 09:14:09 portal01 sshd[311]: Failed password for root from 203.0.113.200 port 4023 ssh2",
            "<38>Nov 22 09:14:12 portal01 sshd[311]: Failed password for root from 203.0.113.200 port 4024 ssh2",
            "<38>Nov 22 09:21:00 portal01 sshd[403]: Accepted publickey for deploy from 10.0.0.5 port 6000 ssh2");
        await IngestAsync(tttt, "www01", "<38>Nov 22 09:20:00 www01 sshd[402]: Failed password for root from 198.51.100.7 port 5000 ssh2");
        await IngestAsync(huyen, "mail01", "<38>Nov 22 09:30:00 mail01 sshd[77]: Failed password for root from 192.0.2.50 port 7000 ssh2");

        using var api = Center.Client(Tokens["admin-api"]);
        var incidents = await api.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=new&limit=100");
        foreach (var i in incidents.EnumerateArray())
        {
            // Grouping is by rule, host and entity; the entity is the source address once the parsers extract it, else the host.
            if (i.GetProperty("host").GetString() == "portal01")
            {
                TtttIncident = i.GetProperty("id").GetInt64();
            }
            else if (i.GetProperty("agencyId").GetString() == "huyen-a")
            {
                HuyenIncident = i.GetProperty("id").GetInt64();
            }
        }

        if (TtttIncident == 0 || HuyenIncident == 0)
        {
            throw new InvalidOperationException("the fed lines did not produce the expected incidents: " + incidents);
        }

        (Playwright, Browser) = await Support.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await Center.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    /// <summary>A fresh browser context signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignInAsync(string user, string? password = null)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        // CI runs the collector's million-line kill test beside these; a slow page is not a failed one.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Center.BaseAddress + "login");
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", password ?? Password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // Until a signed-in page's sign-out form is in the document, not a navigation event: under CI load the
            // queue page had twice rendered while the wait for its load event (once) and for its URL with
            // DOMContentLoaded (once) ran out at 90 s.
            await page.WaitForSelectorAsync("form[action='/logout']", new() { State = WaitForSelectorState.Attached });
            if (page.Url.Contains("/login", StringComparison.Ordinal))
            {
                throw new TimeoutException("still on " + page.Url);
            }
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"sign-in as {user} did not leave /login; the page says: {await page.TextContentAsync("main")}", ex);
        }

        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Support.Browser.ScreenshotDir, name + ".png"), FullPage = true });

    private async Task IngestAsync(string key, string host, params string[] lines)
    {
        var body = string.Concat(lines.Select((line, n) => JsonSerializer.Serialize(new { id = $"{host}:{n}:{Guid.NewGuid():N}", type = "syslog", host, message = line }) + "\n"));
        using var client = Center.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest") { Content = new StringContent(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
