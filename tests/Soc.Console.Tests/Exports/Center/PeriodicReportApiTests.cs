using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Soc.Console.Incidents;

namespace Soc.Console.Tests.Exports.Center;

/// <summary>The periodic report and Mẫu 05 over the API, from incidents the real pipeline stored.</summary>
public sealed class PeriodicReportApiTests : IAsyncLifetime
{
    private ReportCenter _report = null!;

    public async Task InitializeAsync() => _report = await ReportCenter.StartAsync();

    public async Task DisposeAsync() => await _report.DisposeAsync();

    [Fact]
    public async Task Mau05CountsEqualTheIncidentsOfThePeriodPerCategory()
    {
        using var api = _report.Api("an");
        // One of so-tttt's two incidents becomes malware; the rule made the other unauthorised access.
        (await api.PatchAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[1]}", new { category = "malware" })).EnsureSuccessStatusCode();
        var incidents = await api.GetFromJsonAsync<JsonElement>("/api/v1/incidents?limit=100");
        var expected = incidents.EnumerateArray()
            .Where(i => i.GetProperty("agencyId").GetString() == "so-tttt")
            .GroupBy(i => NationalCategories.FormCode(i.GetProperty("category").GetString()))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, expected.Count); // two different rows, so a count in the wrong row fails

        var (from, to) = ReportCenter.AroundToday();
        using var response = await api.GetAsync($"/api/v1/reports/forms/mau-05?from={from}&to={to}&agency=so-tttt&format=docx&draft=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ReportCenter.DocxRows(await response.Content.ReadAsByteArrayAsync());

        for (var code = 1; code <= 10; code++)
        {
            var row = rows.Single(r => r.Count == 8 && r[0] == code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(expected.GetValueOrDefault(code).ToString(System.Globalization.CultureInfo.InvariantCulture) == row[2], $"row {code} ({row[1]}): {row[2]}, expected {expected.GetValueOrDefault(code)}");
        }

        Assert.Equal("2", rows.Single(r => r.Count == 8 && r[1] == "Tổng cộng")[2]);
        var audit = await _report.Center.Contract.ListAuditAsync("agency:so-tttt", 10, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "report.form.draft" && e.Actor == "an" && e.Details!.Contains("tt20-2017/mau-05", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAgencyViewersPeriodicExportHoldsOnlyItsAgencysIncidents()
    {
        using var viewer = _report.Api("viewer-a");
        var (from, to) = ReportCenter.AroundToday();
        var json = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/periodic?from={from}&to={to}&format=json");
        var text = json.ToString();
        Assert.Contains("Huyện A", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Thông tin và Truyền thông", text, StringComparison.Ordinal);
        Assert.Equal("huyen-a", json.GetProperty("agency").GetString());
        Assert.Equal(1, json.GetProperty("statistics").GetProperty("total").GetInt32());

        // Another agency's subtree, or its incidents by guessed id, answer as if absent.
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/reports/periodic?agency=so-tttt&from={from}&to={to}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.PostAsJsonAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/forms/mau-03?draft=true", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/incidents/{_report.TtttIncidents[0]}/bundle")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.PostAsJsonAsync($"/api/v1/incidents/{_report.HuyenIncident}/forms/mau-03?draft=true", new Dictionary<string, string>())).StatusCode);
    }

    [Fact]
    public async Task APeriodWithoutIncidentsStillGivesAReport()
    {
        using var api = _report.Api("kiem");
        var json = await api.GetFromJsonAsync<JsonElement>("/api/v1/reports/periodic?from=2020-01-01&to=2020-06-30&format=json");
        Assert.Equal(0, json.GetProperty("statistics").GetProperty("total").GetInt32());
        using var pdf = await api.GetAsync("/api/v1/reports/periodic?from=2020-01-01&to=2020-06-30&format=pdf&agency=so-tttt");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains("Sở Thông tin và Truyền thông", PdfText.Extract(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnInvertedPeriod()
    {
        using var api = _report.Api("an");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/reports/periodic?from=2026-06-01&to=2026-01-01")).StatusCode);
    }
}
