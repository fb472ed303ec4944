using System.Net;
using System.Net.Http.Json;
using Soc.Console.Pipeline;
using Soc.Console.Security;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Ingest;

/// <summary>Rules reload without a restart: on request (admin only) and when a rule file changes.</summary>
public sealed class RuleReloadTests : IDisposable
{
    private readonly string _rules = Path.Combine(Path.GetTempPath(), "soc-rules-" + Guid.NewGuid().ToString("N"));

    public RuleReloadTests()
    {
        Directory.CreateDirectory(_rules);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*.yml", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tests.yml", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(_rules, Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task ReloadsOnAnAdminsRequestAndRefusesOthers()
    {
        await using var center = await CenterFixture.StartAsync([_rules]);
        center.Store.AddUser("boss", Roles.Admin, null, null);
        center.Store.AddUser("lan", Roles.Analyst, null, null);
        var before = center.Services<RuleSetHolder>().Rules.Count;
        foreach (var file in Directory.EnumerateFiles(_rules))
        {
            File.Delete(file);
        }

        using var analyst = center.Client(center.Store.CreateToken("lan"));
        using var admin = center.Client(center.Store.CreateToken("boss"));
        using var refused = await analyst.PostAsync("/api/v1/rules/reload", null);
        using var reloaded = await admin.PostAsync("/api/v1/rules/reload", null);

        Assert.True(before > 0);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(new RuleReloadResult(0, 0), await reloaded.Content.ReadFromJsonAsync<RuleReloadResult>());
    }

    [Fact]
    public async Task ReloadsWhenARuleFileChanges()
    {
        await using var center = await CenterFixture.StartAsync([_rules]);
        var holder = center.Services<RuleSetHolder>();
        var engine = holder.Engine;

        File.SetLastWriteTimeUtc(Directory.EnumerateFiles(_rules).First(), DateTime.UtcNow);
        File.AppendAllText(Directory.EnumerateFiles(_rules).First(), "\n");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (ReferenceEquals(engine, holder.Engine) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.NotSame(engine, holder.Engine);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_rules, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
