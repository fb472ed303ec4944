using System.Net;
using System.Net.Http.Json;
using Soc.Console.Incidents;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Incidents;

/// <summary>The incident workflow over HTTP: roles, status rules, versions, notes, audit, and scoped reads of alerts and events.</summary>
public sealed class IncidentsApiTests : IAsyncLifetime
{
    private CenterFixture _center = null!;
    private string _key = null!;
    private long _incidentId;

    public async Task InitializeAsync()
    {
        _center = await CenterFixture.StartAsync();
        _key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
        _center.Store.AddUser("lan", Roles.Analyst, null, null);
        _center.Store.AddUser("kiem", Roles.Auditor, null, null);
        // The incident is made through the store, so these tests do not depend on which parser is in the build.
        var ev = Events.Event("api-1", "Failed password for root from 203.0.113.9 port 50022 ssh2", DateTimeOffset.UtcNow, sourceIp: "203.0.113.9");
        await _center.Contract.AppendAsync([Events.BatchWithAlerts("so-tttt", (ev, [Events.Alert(ev)]))], new IncidentPolicy(), CancellationToken.None);
        _incidentId = Assert.Single(_center.Store.ListIncidents(null, null, 10)).Id;
    }

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task MovesAnIncidentThroughTheWorkflowAndRecordsWhoDidWhat()
    {
        using var api = _center.Client(_center.Store.CreateToken("lan"));

        var ack = await PatchAsync(api, new { status = "acknowledged", assignee = "lan" });
        var noted = await api.PostAsJsonAsync($"/api/v1/incidents/{_incidentId}/notes", new { text = "source is a known scanner" });
        var closed = await PatchAsync(api, new { status = "closed", closingReason = "benign_true_positive", category = "other" });

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var detail = await api.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{_incidentId}");
        Assert.Equal(("closed", "benign_true_positive", "lan", "other"), (detail!.Incident.Status, detail.Incident.ClosingReason, detail.Incident.Assignee, detail.Incident.Category));
        Assert.Equal("lan", Assert.Single(detail.Notes!).Author);
        Assert.Equal("api-1", Assert.Single(detail.Events!).Id);
        var trail = await _center.Contract.ListAuditAsync($"incident:{_incidentId}", 20, CancellationToken.None);
        Assert.Equal(["incident.assignee", "incident.category", "incident.note", "incident.status", "incident.status"], trail.Select(e => e.Action).Order());
        Assert.All(trail, e => Assert.Equal("lan", e.Actor));
    }

    [Fact]
    public async Task RefusesToCloseWithoutAReason()
    {
        using var api = _center.Client(_center.Store.CreateToken("lan"));
        using var response = await PatchAsync(api, new { status = "closed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("closingReason", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersAStaleVersionWith409AndTheIncidentAsItIsNow()
    {
        using var api = _center.Client(_center.Store.CreateToken("lan"));
        var version = _center.Store.FindIncident(_incidentId)!.Version;
        (await PatchAsync(api, new { version, assignee = "lan" })).Dispose();

        using var stale = await PatchAsync(api, new { version, assignee = "minh" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("lan", (await stale.Content.ReadFromJsonAsync<Incident>())!.Assignee);
    }

    [Fact]
    public async Task LetsAnAuditorReadButNotChange()
    {
        using var api = _center.Client(_center.Store.CreateToken("kiem"));

        using var read = await api.GetAsync($"/api/v1/incidents/{_incidentId}");
        using var change = await PatchAsync(api, new { status = "acknowledged" });
        using var note = await api.PostAsJsonAsync($"/api/v1/incidents/{_incidentId}/notes", new { text = "x" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, note.StatusCode);
        Assert.Equal("new", _center.Store.FindIncident(_incidentId)!.Status);
    }

    [Fact]
    public async Task FiltersAndSortsTheIncidentListAndListsAlerts()
    {
        using var api = _center.Client(_center.Store.CreateToken("lan"));

        var open = await api.GetFromJsonAsync<List<Incident>>("/api/v1/incidents?status=new&severity=high&sort=-severity&limit=5");
        var closed = await api.GetFromJsonAsync<List<Incident>>("/api/v1/incidents?status=closed");
        var alerts = await api.GetFromJsonAsync<List<StoredAlert>>($"/api/v1/alerts?incident={_incidentId}&from=now-1d");

        Assert.Equal(_incidentId, Assert.Single(open!).Id);
        Assert.Empty(closed!);
        Assert.Equal("Soc project", Assert.Single(alerts!).Author);
    }

    [Fact]
    public async Task SearchesEventsWithTheQuerySyntaxAndExplainsBadQueries()
    {
        using var api = _center.Client(_center.Store.CreateToken("lan"));

        var page = await api.GetFromJsonAsync<EventPage>("/api/v1/events?q=" + Uri.EscapeDataString("\"failed password\" AND source.ip:203.0.113.9") + "&from=now-1d&to=now%2B1h");
        using var bad = await api.GetAsync("/api/v1/events?q=" + Uri.EscapeDataString("host.name:(web"));
        var count = await api.GetFromJsonAsync<long>("/api/v1/events/count?q=root");

        Assert.Equal("api-1", Assert.Single(page!.Events).Id);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("position", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task ScopesEventSearchToTheCallersAgencies()
    {
        _center.Store.AddAgency("huyen-a", "Huyện A", null);
        _center.Store.AddUser("viewer", Roles.AgencyViewer, "huyen-a", null);
        using var api = _center.Client(_center.Store.CreateToken("viewer"));

        var page = await api.GetFromJsonAsync<EventPage>("/api/v1/events?q=root");
        using var incident = await api.GetAsync($"/api/v1/incidents/{_incidentId}");

        Assert.Empty(page!.Events);
        Assert.Equal(HttpStatusCode.NotFound, incident.StatusCode);
    }

    [Fact]
    public async Task ServesTheOpenApiDocument()
    {
        using var client = _center.Client();
        var text = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/events", text, StringComparison.Ordinal);
        Assert.Contains("/api/v1/incidents/{id}", text, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PatchAsync(HttpClient api, object body) =>
        api.PatchAsJsonAsync($"/api/v1/incidents/{_incidentId}", body);
}
