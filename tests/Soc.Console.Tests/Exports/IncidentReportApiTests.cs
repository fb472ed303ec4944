using System.Net;
using System.Text.Json;
using Soc.Console.Security;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Exports;

/// <summary><c>GET /api/v1/incidents/{id}/report</c>: an incident stored by the real pipeline, exported in each format.</summary>
public sealed class IncidentReportApiTests : IAsyncLifetime
{
    private CenterFixture _center = null!;
    private long _incidentId;
    private string _analystToken = null!;

    public async Task InitializeAsync()
    {
        _center = await CenterFixture.StartAsync();
        var key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
        _center.Store.AddAgency("huyen-a", "Huyện A", null);
        _center.Store.AddUser("an", Roles.Analyst, null, null);
        _center.Store.AddUser("viewer-a", Roles.AgencyViewer, "huyen-a", null);
        _analystToken = _center.Store.CreateToken("an");
        using var client = _center.Client();
        using var response = await client.SendAsync(IngestBatch.Request(
            key,
            IngestBatch.Record("rep-1", IngestBatch.SshdFailedRoot("203.0.113.31")),
            IngestBatch.Record("rep-2", IngestBatch.SshdFailedRoot("203.0.113.31"))));
        response.EnsureSuccessStatusCode();
        using var api = _center.Client(_analystToken);
        var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/incidents"));
        _incidentId = list.RootElement[0].GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task ExportsJsonWithTheAgencyTheRuleAuthorAndTheOriginalEvents()
    {
        using var api = _center.Client(_analystToken);
        using var response = await api.GetAsync($"/api/v1/incidents/{_incidentId}/report?format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sở Thông tin và Truyền thông", json, StringComparison.Ordinal);
        Assert.Contains("SSH Password Login As Root Failed", json, StringComparison.Ordinal);
        Assert.Contains("Soc project", json, StringComparison.Ordinal);
        Assert.Contains("Failed password for root from 203.0.113.31", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsAPdfWhoseTextKeepsVietnameseAndIsAudited()
    {
        using var api = _center.Client(_analystToken);
        var pdf = await api.GetByteArrayAsync($"/api/v1/incidents/{_incidentId}/report?format=pdf");

        var text = PdfText.Extract(pdf);
        Assert.Contains("Sở Thông tin và Truyền thông", text, StringComparison.Ordinal);
        Assert.Contains("+07:00", text, StringComparison.Ordinal);
        var audit = await _center.Contract.ListAuditAsync($"incident:{_incidentId}", 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "incident.export" && e.Actor == "an" && e.Details!.StartsWith("pdf,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswersAnotherAgencysViewerAsIfTheIncidentDidNotExist()
    {
        using var api = _center.Client(_center.Store.CreateToken("viewer-a"));
        using var response = await api.GetAsync($"/api/v1/incidents/{_incidentId}/report?format=csv");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RejectsAnUnknownFormat()
    {
        using var api = _center.Client(_analystToken);
        using var response = await api.GetAsync($"/api/v1/incidents/{_incidentId}/report?format=xls");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
