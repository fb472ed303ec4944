using System.Text.RegularExpressions;

namespace Soc.EndToEnd.Tests.Browser;

/// <summary>Search, dashboard, rules and admin pages in the real browser, with screenshots of each.</summary>
[Collection(SharedCenter.Name)]
public sealed class ConsolePagesBrowserTests(ConsoleFixture fixture)
{
    private Uri Base => fixture.Center.BaseAddress;

    [Fact]
    public async Task SearchFindsTheFedLinesPivotsOnAFacetAndExportsAnAuditedCsv()
    {
        var page = await fixture.SignInAsync("analyst");
        await page.GotoAsync(Base + "search?range=all&q=" + Uri.EscapeDataString("\"Failed password\""));
        await page.WaitForSelectorAsync("#events");
        Assert.True(await page.Locator("#events tbody tr").CountAsync() >= 4);
        Assert.Contains("portal01", await page.TextContentAsync("#facets"), StringComparison.Ordinal);
        await ConsoleFixture.ScreenshotAsync(page, "search");

        await page.ClickAsync("#facets a.facet >> text=www01");
        await page.WaitForURLAsync(new Regex("host.name"));
        var rows = await page.Locator("#events tbody tr").AllTextContentsAsync();
        Assert.Single(rows);
        Assert.Contains("198.51.100.7", rows[0], StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("198.51.100.7", csv, StringComparison.Ordinal);

        // An explicit local time window that ends before the lines were logged finds nothing.
        await page.GotoAsync(Base + "search?range=all&from=01/01/2020%2000:00&to=02/01/2020%2000:00&q=" + Uri.EscapeDataString("\"Failed password\""));
        Assert.Equal(0, await page.Locator("#events tbody tr").CountAsync());

        await page.GotoAsync(Base + "search?q=" + Uri.EscapeDataString("host.name:(broken"));
        await page.WaitForSelectorAsync("#query-error");
        await page.Context.CloseAsync();

        using var auditor = fixture.Center.Client(fixture.Tokens["auditor"]);
        Assert.Contains("events.export", await auditor.GetStringAsync("/api/v1/audit?subject=search"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardDrawsItsChartsWithoutAnyNetworkFetch()
    {
        var page = await fixture.SignInAsync("analyst");
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(Base + "dashboard");
        Assert.Equal(1, await page.Locator("svg#alerts-chart").CountAsync());
        Assert.True(await page.Locator("svg#alerts-chart rect").CountAsync() >= 1);
        Assert.Contains("so-tttt", await page.TextContentAsync("#collectors"), StringComparison.Ordinal);
        Assert.All(requests, url => Assert.StartsWith(Base.ToString(), url, StringComparison.Ordinal));
        Assert.Single(requests);
        await ConsoleFixture.ScreenshotAsync(page, "dashboard");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RulesShowHitsAndADisableIsAudited()
    {
        var page = await fixture.SignInAsync("admin-api");
        await page.GotoAsync(Base + "rules");
        var row = page.Locator("#rules tbody tr", new() { HasText = "SSH Password Login As Root Failed" });
        Assert.Contains("Soc project", await row.TextContentAsync(), StringComparison.Ordinal);
        await ConsoleFixture.ScreenshotAsync(page, "rules");
        await row.Locator("button.toggle").ClickAsync();
        await page.WaitForSelectorAsync("#rules button.toggle");
        await row.Locator("button.toggle").ClickAsync();
        await page.Context.CloseAsync();

        using var auditor = fixture.Center.Client(fixture.Tokens["auditor"]);
        var trail = await auditor.GetStringAsync("/api/v1/audit?subject=rule:5cf7b503-4beb-45f4-be2a-55e5de73b385");
        Assert.Contains("rule.disable", trail, StringComparison.Ordinal);
        Assert.Contains("rule.enable", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminAddsAnAgencyUnderTheProvinceAndSeesItsKeyOnce()
    {
        var page = await fixture.SignInAsync("admin-api");
        await page.GotoAsync(Base + "admin");
        await page.FillAsync("form[action*=Agency] input[name=id]", "xa-b");
        await page.FillAsync("form[action*=Agency] input[name=name]", "UBND xã B");
        await page.SelectOptionAsync("form[action*=Agency] select[name=parent]", "huyen-a");
        await page.ClickAsync("form[action*=Agency] button");
        await page.WaitForSelectorAsync("#secret");
        Assert.Matches("soca_", await page.TextContentAsync("#secret"));
        Assert.Contains("UBND xã B", await page.TextContentAsync("#agencies"), StringComparison.Ordinal);
        await page.GotoAsync(Base + "admin");
        Assert.Equal(0, await page.Locator("#secret").CountAsync());
        await ConsoleFixture.ScreenshotAsync(page, "admin");
        await page.Context.CloseAsync();

        var analyst = await fixture.SignInAsync("analyst");
        var denied = await analyst.GotoAsync(Base + "admin");
        Assert.Equal(403, denied!.Status);
        await analyst.Context.CloseAsync();
    }
}
