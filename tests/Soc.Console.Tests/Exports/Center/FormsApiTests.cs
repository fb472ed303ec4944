using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Tests.Exports.Center;

/// <summary><c>POST /api/v1/incidents/{id}/forms/{form}</c>: numbering from the store, Mẫu 04's reference, the agency profile.</summary>
public sealed class FormsApiTests : IAsyncLifetime
{
    private ReportCenter _report = null!;

    public async Task InitializeAsync() => _report = await ReportCenter.StartAsync();

    public async Task DisposeAsync() => await _report.DisposeAsync();

    [Fact]
    public async Task NumbersIncrementPerAgencyAndSurviveARestartOfTheStore()
    {
        using var api = _report.Api("an");
        Assert.Equal("01/BC-SO-TTTT", await IssueAsync(api, _report.TtttIncidents[0], "mau-03"));
        Assert.Equal("02/BC-SO-TTTT", await IssueAsync(api, _report.TtttIncidents[1], "mau-03"));
        Assert.Equal("01/BC-HUYEN-A", await IssueAsync(api, _report.HuyenIncident, "mau-03"));

        // Another store on the same file (a restarted center, or `soc report form`) continues the sequence.
        var year = int.Parse(DateTime.UtcNow.AddHours(7).ToString("yyyy", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        using (var reopened = new SqliteStore(_report.Center.Store.DatabasePath))
        {
            var issued = reopened.ListReportNumbers(null, "tt20-2017/mau-03");
            Assert.Equal(3, issued.Count);
            Assert.Equal(_report.TtttIncidents[1], issued.First(n => n.Number.Text == "02/BC-SO-TTTT").IncidentId);
            Assert.All(issued, n => Assert.Equal("an", n.IssuedBy));
            Assert.Equal(year, issued[0].Number.Year);
        }

        Assert.Equal("03/BC-SO-TTTT", await IssueAsync(api, _report.TtttIncidents[0], "mau-04"));
    }

    [Fact]
    public async Task Mau04CarriesTheNumberAndDateOfTheIssuedMau03()
    {
        using var api = _report.Api("an");
        var incident = _report.TtttIncidents[0];
        var initial = await IssueAsync(api, incident, "mau-03");
        var today = DateTime.UtcNow.AddHours(7).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        using var response = await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/forms/mau-04?format=docx", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ReportCenter.DocxText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(initial, rows, StringComparison.Ordinal);
        Assert.Contains(today, rows, StringComparison.Ordinal);

        // The other incident has no Mẫu 03: its Mẫu 04 does not borrow this one's number.
        using var other = await api.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[1]}/forms/mau-04?format=docx&draft=true", new Dictionary<string, string>());
        Assert.DoesNotContain(initial, ReportCenter.DocxText(await other.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfileEditShowsUpInMau03AndIsAudited()
    {
        Assert.Equal(0, _report.Soc("agency", "profile", "so-tttt", "--address", "12 Lê Lợi, phường Mỹ Bình, Long Xuyên", "--phone", "0296 3 852 111", "--document-code", "STTTT", "--contact-name", "Nguyễn Thị Hạnh"));

        using var api = _report.Api("an");
        using var response = await api.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/forms/mau-03?format=docx", new Dictionary<string, string> { ["H"] = "Cơ quan chủ quản" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = ReportCenter.DocxText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("12 Lê Lợi, phường Mỹ Bình, Long Xuyên", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hạnh", text, StringComparison.Ordinal);
        Assert.Contains("01/BC-STTTT", text, StringComparison.Ordinal); // the document code numbers the form

        var audit = await _report.Center.Contract.ListAuditAsync("agency:so-tttt", 10, CancellationToken.None);
        var change = Assert.Single(audit, e => e.Action == "agency.profile");
        Assert.Contains("address: - -> 12 Lê Lợi", change.Details, StringComparison.Ordinal);
        Assert.StartsWith("cli:", change.Actor, StringComparison.Ordinal);
        var issued = await _report.Center.Contract.ListAuditAsync($"incident:{_report.TtttIncidents[0]}", 10, CancellationToken.None);
        Assert.Contains(issued, e => e.Action == "report.form.issue" && e.Details!.Contains("number 01/BC-STTTT", StringComparison.Ordinal) && e.Details.Contains("sha256 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePdfKeepsVietnameseDiacritics()
    {
        using var api = _report.Api("an");
        using var response = await api.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/forms/mau-03?format=pdf&draft=true", new Dictionary<string, string>());
        var text = PdfText.Extract(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG", text, StringComparison.Ordinal);
        Assert.Contains("Sở Thông tin và Truyền thông", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuditorDraftsButDoesNotIssue()
    {
        using var auditor = _report.Api("kiem");
        var body = new Dictionary<string, string>();
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/forms/mau-03", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/forms/mau-03?draft=true", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/reports/forms/mau-05")).StatusCode);
        Assert.Empty(_report.Center.Store.ListReportNumbers(null, null));
    }

    [Fact]
    public async Task RefusesAnUnknownFieldAndAnUnknownForm()
    {
        using var api = _report.Api("an");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/forms/mau-03?draft=true", new Dictionary<string, string> { ["Z9"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/forms/mau-99", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/forms/mau-05", new Dictionary<string, string>())).StatusCode);
    }

    private static async Task<string> IssueAsync(HttpClient api, long incident, string form)
    {
        using var response = await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/forms/{form}?format=docx", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Uri.UnescapeDataString(response.Headers.GetValues("X-Report-Number").Single());
    }
}
