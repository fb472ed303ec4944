using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;

namespace Soc.EndToEnd.Tests.Browser;

/// <summary>The Reports page and the form editor in the real browser: downloads checked, screenshots kept.</summary>
[Collection(SharedCenter.Name)]
public sealed class ReportsBrowserTests(ConsoleFixture fixture)
{
    private Uri Base => fixture.Center.BaseAddress;

    [Fact]
    public async Task AnAnalystDownloadsThePeriodicReportAndIssuesAnEditedMau03()
    {
        var page = await fixture.SignInAsync("analyst");
        await page.ClickAsync("header nav a[href='/reports']");
        await page.WaitForSelectorAsync("#report-form");
        await page.ClickAsync("a[href='/reports?preset=year']");
        await page.WaitForURLAsync(new Regex("preset=year"));
        await ConsoleFixture.ScreenshotAsync(page, "reports");
        var periodic = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#periodic-pdf"));
        var pdf = await File.ReadAllBytesAsync((await periodic.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.EndsWith(".pdf", periodic.SuggestedFilename, StringComparison.Ordinal);

        await page.GotoAsync(Base + $"incidents/{fixture.TtttIncident}");
        await page.ClickAsync("#form-mau-03");
        await page.WaitForSelectorAsync("#form-editor");
        Assert.Equal("Sở Thông tin và Truyền thông", await page.InputValueAsync("#f-A1"));
        Assert.True(await page.Locator("#form-missing").CountAsync() == 1, "the empty mandatory fields are named");
        await page.FillAsync("#f-J", "Đề nghị VNCERT hỗ trợ phân tích mã độc");
        await ConsoleFixture.ScreenshotAsync(page, "form-mau-03");
        var issued = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#issue-docx"));
        Assert.Matches(new Regex(@"-mau-03-\d+\.docx$"), issued.SuggestedFilename);
        using (var doc = WordprocessingDocument.Open((await issued.PathAsync())!, false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Đề nghị VNCERT hỗ trợ phân tích mã độc", text, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"\d{2}/BC-"), text);
        }

        await page.Context.CloseAsync();
        using var auditor = fixture.Center.Client(fixture.Tokens["auditor"]);
        Assert.Contains("report.form.issue", await auditor.GetStringAsync($"/api/v1/audit?subject=incident:{fixture.TtttIncident}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminEditsTheReportProfileAndTheFormEditorPrefillsIt()
    {
        var page = await fixture.SignInAsync("admin-api");
        await page.GotoAsync(Base + "admin");
        await page.ClickAsync("#profile-so-tttt");
        await page.WaitForSelectorAsync("#profile");
        await page.FillAsync("#p-address", "15 Tôn Đức Thắng, Long Xuyên");
        await page.FillAsync("#p-document-code", "STTTT");
        await page.ClickAsync("#profile-save");
        await page.WaitForSelectorAsync("#profile-saved");
        Assert.Equal("15 Tôn Đức Thắng, Long Xuyên", await page.InputValueAsync("#p-address"));
        await ConsoleFixture.ScreenshotAsync(page, "admin-report-profile");

        await page.GotoAsync(Base + $"incidents/{fixture.TtttIncident}/forms/mau-03?set=tt20-2017");
        Assert.Equal("15 Tôn Đức Thắng, Long Xuyên", await page.InputValueAsync("#f-A2"));
        await page.Context.CloseAsync();

        using var auditor = fixture.Center.Client(fixture.Tokens["auditor"]);
        var trail = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?subject=agency:so-tttt");
        Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("action").GetString() == "agency.profile"
            && e.GetProperty("actor").GetString() == "admin-api"
            && e.GetProperty("details").GetString()!.Contains("address: - -> 15 Tôn Đức Thắng", StringComparison.Ordinal));
    }
}
