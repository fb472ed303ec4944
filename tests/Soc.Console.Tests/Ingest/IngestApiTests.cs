using System.Net;
using System.Net.Http.Json;
using System.Text;
using Soc.Console.Incidents;
using Soc.Console.Pipeline;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Ingest;

public sealed class IngestApiTests : IAsyncLifetime
{
    private CenterFixture _center = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _center = await CenterFixture.StartAsync();
        _key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
    }

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task StoresABatchAndGroupsRepeatedAlertsIntoOneIncident()
    {
        using var client = _center.Client();
        using var response = await client.SendAsync(IngestBatch.Request(
            _key,
            IngestBatch.Record("r1", IngestBatch.SshdFailedRoot("203.0.113.9")),
            IngestBatch.Record("r2", IngestBatch.SshdFailedRoot("203.0.113.9")),
            IngestBatch.Record("r3", "<30>Nov 22 10:00:00 web01 systemd[1]: Started Session 4.")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<IngestResult>();
        Assert.Equal(new IngestResult(3, 3, 0, 2), result);
        var incident = Assert.Single(_center.Store.ListIncidents(null, null, 10));
        Assert.Equal(2, incident.AlertCount);
        Assert.Equal("203.0.113.9", incident.Entity);
        Assert.Equal("so-tttt", incident.AgencyId);
    }

    [Fact]
    public async Task StoresAResentBatchOnceWithoutNewAlerts()
    {
        using var client = _center.Client();
        var record = IngestBatch.Record("same-id", IngestBatch.SshdFailedRoot("198.51.100.1"));
        (await client.SendAsync(IngestBatch.Request(_key, record))).Dispose();
        using var again = await client.SendAsync(IngestBatch.Request(_key, record));

        var result = await again.Content.ReadFromJsonAsync<IngestResult>();
        Assert.Equal(new IngestResult(1, 0, 1, 0), result);
        Assert.Equal(1, _center.Store.CountEvents());
        Assert.Equal(1, Assert.Single(_center.Store.ListIncidents(null, null, 10)).AlertCount);
    }

    [Fact]
    public async Task KeepsALineNoParserReadsAsAMarkedEvent()
    {
        using var client = _center.Client();
        using var response = await client.SendAsync(IngestBatch.Request(_key, IngestBatch.Record("junk", "\u0001 not a syslog line at all")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _center.Store.CountEvents());
    }

    [Fact]
    public async Task RejectsAnUnknownKey()
    {
        using var client = _center.Client();
        using var response = await client.SendAsync(IngestBatch.Request("soca_not-a-key", IngestBatch.Record("x", "hello")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _center.Store.CountEvents());
    }

    [Fact]
    public async Task AnswersAMalformedBatchWith400NamingTheLine()
    {
        using var client = _center.Client();
        var body = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"message\":\"ok\"}\n{not json\n");
        using var response = await client.SendAsync(IngestBatch.Request(_key, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _center.Store.CountEvents());
    }

    [Fact]
    public async Task TakesTheAgencyFromTheKeyNotFromThePayload()
    {
        using var client = _center.Client();
        var forged = new { id = "f1", message = IngestBatch.SshdFailedRoot("192.0.2.7"), agency = "other", organization = new { id = "other" } };
        (await client.SendAsync(IngestBatch.Request(_key, forged))).Dispose();

        Assert.Equal("so-tttt", Assert.Single(_center.Store.ListIncidents(null, null, 10)).AgencyId);
    }

    [Fact]
    public async Task ListsIncidentsOnlyWithinTheCallersAgencySubtree()
    {
        var otherKey = _center.Store.AddAgency("huyen-a", "Huyện A", null);
        _center.Store.AddUser("viewer", Roles.AgencyViewer, "so-tttt", null);
        var token = _center.Store.CreateToken("viewer");
        using var ingest = _center.Client();
        (await ingest.SendAsync(IngestBatch.Request(_key, IngestBatch.Record("mine", IngestBatch.SshdFailedRoot("192.0.2.1"))))).Dispose();
        (await ingest.SendAsync(IngestBatch.Request(otherKey, IngestBatch.Record("theirs", IngestBatch.SshdFailedRoot("192.0.2.2"))))).Dispose();
        var theirs = _center.Store.ListIncidents(["huyen-a"], null, 10).Single();

        using var api = _center.Client(token);
        var visible = await api.GetFromJsonAsync<List<Incident>>("/api/v1/incidents");
        using var guessed = await api.GetAsync($"/api/v1/incidents/{theirs.Id}");

        Assert.Equal("so-tttt", Assert.Single(visible!).AgencyId);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
    }

    [Fact]
    public async Task ReturnsAnIncidentWithItsAlertsAndTheRuleAuthor()
    {
        _center.Store.AddUser("analyst1", Roles.Analyst, null, null);
        var token = _center.Store.CreateToken("analyst1");
        using var ingest = _center.Client();
        (await ingest.SendAsync(IngestBatch.Request(_key, IngestBatch.Record("a1", IngestBatch.SshdFailedRoot("192.0.2.50"))))).Dispose();
        var id = _center.Store.ListIncidents(null, null, 10).Single().Id;

        using var api = _center.Client(token);
        var detail = await api.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{id}");

        var alert = Assert.Single(detail!.Alerts);
        Assert.Equal("SSH Password Login As Root Failed", alert.RuleTitle);
        Assert.Equal("Soc project", alert.Author);
        Assert.Contains("Failed password for root from 192.0.2.50", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesTheApiWithoutAValidToken()
    {
        using var anonymous = _center.Client();
        using var bogus = _center.Client("soct_bogus");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/v1/incidents")).StatusCode);
    }
}
