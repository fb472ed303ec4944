using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Soc.Console.Hosting;
using Soc.Console.Pipeline;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using Soc.Detection.Engine;
using Soc.Detection.Events;

namespace Soc.Console.Tests.Ingest;

/// <summary>The Rules page's switches and suppressions take effect in the detection pipeline without a restart.</summary>
public sealed class RuleSwitchesTests : IAsyncLifetime
{
    // rules/linux/auth/ssh_failed_password_root.yml: one alert per "Failed password for root" line.
    private const string RootRule = "5cf7b503-4beb-45f4-be2a-55e5de73b385";

    private CenterFixture _center = null!;
    private string _key = null!;
    private int _records;

    public async Task InitializeAsync()
    {
        _center = await CenterFixture.StartAsync();
        _key = _center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
    }

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task ADisabledRuleRaisesNoAlertsOrIncidentsUntilItIsEnabledAgain()
    {
        var switches = _center.Services<RuleSwitches>();

        Assert.Equal(1, await IngestFailedRootFromAsync("192.0.2.1"));
        _center.Store.SetRuleDisabled(RootRule, true);
        switches.Refresh();
        var whileDisabled = await IngestFailedRootFromAsync("192.0.2.2");
        _center.Store.SetRuleDisabled(RootRule, false);
        switches.Refresh();
        var afterEnabling = await IngestFailedRootFromAsync("192.0.2.3");

        Assert.Equal(0, whileDisabled);
        Assert.Equal(1, afterEnabling);
        Assert.Equal(["192.0.2.1", "192.0.2.3"], await IncidentEntitiesAsync());
        Assert.Contains($"soc_detect_disabled_total{{rule=\"{RootRule}\"}} 1", await MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleDisabledOnTheRulesPageRaisesNothingFromTheNextBatchOn()
    {
        _center.Store.AddUser("boss", Roles.Admin, null, PasswordHashing.Hash("boss", "rules-page-password"));
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _center.BaseAddress };
        await PostFormAsync(browser, "/login", "/login", new() { ["UserName"] = "boss", ["Password"] = "rules-page-password", ["ReturnUrl"] = "/" });

        await PostFormAsync(browser, "/rules", "/rules?handler=Toggle", new() { ["ruleId"] = RootRule, ["disable"] = "true" });
        var whileDisabled = await IngestFailedRootFromAsync("198.51.100.10");
        await PostFormAsync(browser, "/rules", "/rules?handler=Suppress", new() { ["ruleId"] = RootRule, ["field"] = "source.ip", ["value"] = "198.51.100.11", ["reason"] = "scanner", ["expires"] = "" });
        await PostFormAsync(browser, "/rules", "/rules?handler=Toggle", new() { ["ruleId"] = RootRule, ["disable"] = "false" });
        var suppressed = await IngestFailedRootFromAsync("198.51.100.11");
        var other = await IngestFailedRootFromAsync("198.51.100.12");

        Assert.Equal((0, 0, 1), (whileDisabled, suppressed, other));
        Assert.Equal(["rule.disable", "rule.suppression.add", "rule.enable"], (await _center.Contract.ListAuditAsync($"rule:{RootRule}", 10, CancellationToken.None)).Select(e => e.Action).Reverse());
    }

    [Fact]
    public async Task ASuppressionOnSourceIpDropsThatAddressesAlertsButNotAnothers()
    {
        _center.Store.AddSuppression(RootRule, "source.ip", "203.0.113.66", "lan", "our scanner", null);
        _center.Services<RuleSwitches>().Refresh();

        var fromSuppressed = await IngestFailedRootFromAsync("203.0.113.66");
        var fromOther = await IngestFailedRootFromAsync("203.0.113.67");

        Assert.Equal(0, fromSuppressed);
        Assert.Equal(1, fromOther);
        Assert.Equal(["203.0.113.67"], await IncidentEntitiesAsync());
        Assert.Contains($"soc_detect_suppressed_total{{rule=\"{RootRule}\"}} 1", await MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuppressionMatchesTheValueWithoutRegardToCase()
    {
        _center.Store.AddSuppression(RootRule, "host.name", "WEB01", "lan", "lab host", null);
        _center.Services<RuleSwitches>().Refresh();

        Assert.Equal(0, await IngestFailedRootFromAsync("203.0.113.68"));
    }

    [Fact]
    public async Task AnExpiredSuppressionNoLongerSuppresses()
    {
        _center.Store.AddSuppression(RootRule, "source.ip", "203.0.113.70", "lan", "maintenance window", DateTimeOffset.UtcNow.AddMinutes(-1));
        _center.Services<RuleSwitches>().Refresh();

        Assert.Equal(1, await IngestFailedRootFromAsync("203.0.113.70"));
    }

    [Fact]
    public void ASuppressionInTheSnapshotStopsApplyingWhenTheClockPassesItsExpiry()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        _center.Store.AddSuppression(RootRule, "source.ip", "203.0.113.71", "lan", "one hour", clock.Now.AddHours(1));
        using var switches = new RuleSwitches(_center.Store, clock, NullLogger<RuleSwitches>.Instance);
        var ev = new LogEvent();
        ev.Set("source.ip", "203.0.113.71");

        var before = new List<Alert> { AlertOf(RootRule), AlertOf("another-rule") };
        var removedBefore = switches.Filter(ev, before);
        clock.Now = clock.Now.AddHours(1).AddSeconds(1);
        var after = new List<Alert> { AlertOf(RootRule) };
        var removedAfter = switches.Filter(ev, after);

        Assert.Equal(1, removedBefore);
        Assert.Equal("another-rule", Assert.Single(before).RuleId);
        Assert.Equal(0, removedAfter);
        Assert.Single(after);
    }

    private static Alert AlertOf(string ruleId) => new() { RuleId = ruleId, RuleTitle = ruleId, Level = "high", Timestamp = DateTimeOffset.UtcNow };

    private async Task<int> IngestFailedRootFromAsync(string sourceIp)
    {
        using var client = _center.Client();
        var id = "r" + Interlocked.Increment(ref _records);
        using var response = await client.SendAsync(IngestBatch.Request(_key, IngestBatch.Record(id, IngestBatch.SshdFailedRoot(sourceIp))));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IngestResult>())!.Alerts;
    }

    /// <summary>Reads the anti-forgery token from <paramref name="page"/> and posts the form as a browser would.</summary>
    private static async Task PostFormAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__af"] = Regex.Match(html, "name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(fields);
        using var response = await browser.PostAsync(new Uri(action, UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string[]> IncidentEntitiesAsync() =>
        [.. (await _center.Contract.ListIncidentsAsync(new IncidentFilter(null, RuleId: RootRule), CancellationToken.None)).Select(i => i.Entity!).Order(StringComparer.Ordinal)];

    private async Task<string> MetricsAsync()
    {
        using var client = _center.Client();
        return await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
