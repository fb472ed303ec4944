using Microsoft.Playwright;
using Soc.EndToEnd.Tests.Support;

namespace Soc.EndToEnd.Tests.Browser;

/// <summary>The console in a real headless chromium against a real center process.</summary>
public sealed class ConsoleBrowserTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("soc-browser-").FullName;
    private CenterProcess _center = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _center = await CenterProcess.StartAsync(_work);
        (_playwright, _browser) = await Support.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _center.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task TheAdminSignsInWithTheFirstRunPasswordAndOpensAnIncident()
    {
        var key = (await _center.SocAsync("agency", "add", "so-tttt", "--name", "Sở Thông tin và Truyền thông")).Trim();
        using (var ingest = _center.Client())
        {
            using var request = IngestRequest(key, "b1", "<38>Nov 22 09:14:07 portal01 sshd[311]: Failed password for root from 203.0.113.200 port 4022 ssh2");
            (await ingest.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_center.BaseAddress + "incidents");
        Assert.EndsWith("/login?ReturnUrl=%2Fincidents", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Support.Browser.ScreenshotDir, "login.png") });

        await page.FillAsync("input[name=UserName]", "admin");
        await page.FillAsync("input[name=Password]", "wrong password");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("Sai tên đăng nhập hoặc mật khẩu", await page.TextContentAsync(".error"), StringComparison.Ordinal);

        await page.FillAsync("input[name=UserName]", "admin");
        await page.FillAsync("input[name=Password]", _center.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync(_center.BaseAddress.ToString());
        var row = page.Locator("#incidents tbody tr").First;
        Assert.Contains("SSH Password Login As Root Failed", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("so-tttt", await row.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Support.Browser.ScreenshotDir, "incident-queue.png"), FullPage = true });

        await row.Locator("a").First.ClickAsync();
        await page.WaitForSelectorAsync("#alerts");
        var alert = await page.TextContentAsync("#alerts tbody tr");
        Assert.Contains("Failed password for root from 203.0.113.200", alert, StringComparison.Ordinal);
        Assert.Contains("Soc project", alert, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Support.Browser.ScreenshotDir, "incident-detail.png"), FullPage = true });
    }

    private static HttpRequestMessage IngestRequest(string key, string id, string line)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { id, type = "syslog", host = "portal01", message = line });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest") { Content = new StringContent(json + "\n") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", key);
        return request;
    }
}
