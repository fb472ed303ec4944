using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Deadlines;

/// <summary>
/// Legal deadlines met by the forms issued for an incident (a rule's <c>metBy</c>) and by reports marked sent
/// by hand, in a real center. The operational targets are set far out (100 000 minutes) and the incident made
/// "low" (no 2026 decree rules), so at 4½ days after detection the only pressing deadline is Circular 20's
/// notify (near from 4 days).
/// </summary>
public sealed class MilestoneTests : IAsyncLifetime
{
    private CenterFixture _center = null!;
    private Incident _incident = null!;
    private string _analyst = null!;
    private string _auditor = null!;

    public async Task InitializeAsync()
    {
        var far = new List<string>();
        foreach (var severity in new[] { "informational", "low", "medium", "high", "critical" })
        {
            far.Add($"--Soc:Deadlines:Operational:{severity}:AcknowledgeMinutes=100000");
            far.Add($"--Soc:Deadlines:Operational:{severity}:ResolveMinutes=100000");
        }

        _center = await CenterFixture.StartAsync(null, [.. far]);
        var key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
        _center.Store.AddUser("an", Roles.Analyst, null, null);
        _center.Store.AddUser("kiem", Roles.Auditor, null, null);
        _analyst = _center.Store.CreateToken("an");
        _auditor = _center.Store.CreateToken("kiem");
        using (var client = _center.Client())
        {
            using var response = await client.SendAsync(IngestBatch.Request(key, IngestBatch.Record("m-1", IngestBatch.SshdFailedRoot("203.0.113.51"))));
            response.EnsureSuccessStatusCode();
        }

        var made = Assert.Single(await _center.Contract.ListIncidentsAsync(new IncidentFilter(null), CancellationToken.None));
        var changed = await _center.Contract.UpdateIncidentAsync(made.Id, made.Version, new IncidentChange(Severity: "low"), "an", CancellationToken.None);
        Assert.Equal(IncidentUpdateOutcome.Updated, changed.Outcome);
        _incident = (await _center.Contract.GetIncidentAsync(made.Id, null, CancellationToken.None))!;
    }

    public async Task DisposeAsync() => await _center.DisposeAsync();

    private DateTimeOffset Detected => _incident.DetectedAt ?? _incident.FirstSeen;

    [Fact]
    public async Task IssuingMau03MeetsTheNotifyDeadlineAndTheQueueNoLongerMarksTheIncident()
    {
        // The queue's own computation (one store query for the page), on a clock 4½ days after detection.
        var queue = new IncidentDeadlines(_center.Services<IncidentDeadlines>().RuleSets, new ManualClock(Detected.AddHours(108)), _center.Store);
        var before = queue.MostUrgent([_incident]);
        Assert.Equal("tt20-2017/notify", Key(before[_incident.Id]));
        Assert.Equal(DeadlineState.Near, before[_incident.Id].State);

        using var api = _center.Client(_analyst);
        using (var issued = await api.PostAsJsonAsync($"/api/v1/incidents/{_incident.Id}/forms/mau-03?format=docx", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }

        var number = Assert.Single(_center.Store.ListReportNumbers(_incident.Id, "tt20-2017/mau-03"));
        var notify = State(await DeadlinesAsync(api), "tt20-2017/notify");
        Assert.Equal("met", notify.GetProperty("state").GetString());
        Assert.Equal(number.IssuedAt, notify.GetProperty("metAt").GetDateTimeOffset());
        Assert.Empty(queue.MostUrgent([_incident]));
        // The final report's clock has not started: the response has not ended.
        Assert.Equal("not_started", State(await DeadlinesAsync(api), "tt20-2017/final-report").GetProperty("state").GetString());
    }

    [Fact]
    public async Task IssuingMau04AfterTheResponseEndsMeetsTheFinalReportDeadline()
    {
        var closed = await _center.Contract.UpdateIncidentAsync(_incident.Id, _incident.Version, new IncidentChange(Status: "closed", ClosingReason: "true_positive"), "an", CancellationToken.None);
        Assert.Equal(IncidentUpdateOutcome.Updated, closed.Outcome);
        using var api = _center.Client(_analyst);
        Assert.Equal("pending", State(await DeadlinesAsync(api), "tt20-2017/final-report").GetProperty("state").GetString());

        using (var issued = await api.PostAsJsonAsync($"/api/v1/incidents/{_incident.Id}/forms/mau-04?format=pdf", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }

        var deadlines = await DeadlinesAsync(api);
        Assert.Equal("met", State(deadlines, "tt20-2017/final-report").GetProperty("state").GetString());
        // Mẫu 04 is not the initial notification.
        Assert.Equal("pending", State(deadlines, "tt20-2017/notify").GetProperty("state").GetString());
    }

    [Fact]
    public async Task AReportMarkedSentByHandIsAuditedAndMeetsTheDeadlineAtTheStatedTime()
    {
        using var api = _center.Client(_analyst);
        // A minute ago, whole seconds: the paper report went out just now.
        var sent = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);

        using var response = await api.PostAsJsonAsync(
            $"/api/v1/incidents/{_incident.Id}/milestones",
            new { milestone = "initialReport", at = sent, note = "Công văn 12/STTTT gửi bằng giấy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notify = State(await response.Content.ReadFromJsonAsync<JsonElement>(), "tt20-2017/notify");
        Assert.Equal("met", notify.GetProperty("state").GetString());
        Assert.Equal(sent, notify.GetProperty("metAt").GetDateTimeOffset());
        var recorded = Assert.Single(_center.Store.ListRecordedMilestones(_incident.Id));
        Assert.Equal(("initialReport", "an", "Công văn 12/STTTT gửi bằng giấy"), (recorded.Milestone, recorded.RecordedBy, recorded.Note));
        var audit = await _center.Contract.ListAuditAsync($"incident:{_incident.Id}", 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "incident.milestone" && e.Actor == "an" && e.Details!.Contains("initialReport", StringComparison.Ordinal) && e.Details.Contains("Công văn 12/STTTT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAuditorMayNotMarkAReportSentAndNothingIsRecorded()
    {
        using var api = _center.Client(_auditor);

        using var response = await api.PostAsJsonAsync($"/api/v1/incidents/{_incident.Id}/milestones", new { milestone = "initialReport", at = Detected });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_center.Store.ListRecordedMilestones(_incident.Id));
        var audit = await _center.Contract.ListAuditAsync($"incident:{_incident.Id}", 100, CancellationToken.None);
        Assert.DoesNotContain(audit, e => e.Action == "incident.milestone");
    }

    [Fact]
    public async Task RefusesAnUnknownMilestoneOrAFutureTime()
    {
        using var api = _center.Client(_analyst);

        using var unknown = await api.PostAsJsonAsync($"/api/v1/incidents/{_incident.Id}/milestones", new { milestone = "acknowledged", at = Detected });
        using var future = await api.PostAsJsonAsync($"/api/v1/incidents/{_incident.Id}/milestones", new { milestone = "initialReport", at = DateTimeOffset.UtcNow.AddDays(1) });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("initialReport", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Empty(_center.Store.ListRecordedMilestones(_incident.Id));
    }

    private static string Key(DeadlineStatus status) => status.RuleSetId + "/" + status.RuleId;

    private async Task<JsonElement> DeadlinesAsync(HttpClient api) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{_incident.Id}/deadlines");

    private static JsonElement State(JsonElement deadlines, string key) =>
        deadlines.EnumerateArray().Single(d => d.GetProperty("ruleSet").GetString() + "/" + d.GetProperty("rule").GetString() == key);
}
