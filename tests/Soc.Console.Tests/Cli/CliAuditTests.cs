using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Cli;

/// <summary>
/// Every administrative command that changes something appends an audit entry naming the operating-system
/// user who ran it, without the key, password or token it printed. Runs the built <c>soc</c>.
/// </summary>
public sealed class CliAuditTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "soc-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task EveryAdministrativeCommandAppendsAnAuditEntryByTheOperatingSystemUser()
    {
        var key = await SocAsync("agency", "add", "so-tttt", "--name", "Sở TT&TT");
        var rotated = await SocAsync("agency", "rotate-key", "so-tttt");
        await SocAsync("agency", "revoke-key", "so-tttt");
        await SocAsync("agency", "retention", "so-tttt", "6");
        var password = await SocAsync("user", "add", "lan", "--role", "analyst");
        await SocAsync("user", "add", "minh", "--role", "auditor", "--password", "given-secret-123");
        var token = await SocAsync("token", "create", "--user", "lan");
        await SocAsync("agency", "list");

        var trail = await TrailAsync();

        Assert.Equal(
            [
                ("agency.add", "agency:so-tttt"),
                ("agency.key.rotate", "agency:so-tttt"),
                ("agency.key.revoke", "agency:so-tttt"),
                ("agency.retention", "agency:so-tttt"),
                ("user.add", "user:lan"),
                ("user.add", "user:minh"),
                ("token.create", "user:lan"),
            ],
            trail.Select(e => (e.Action, e.Subject)));
        Assert.All(trail, e => Assert.Equal("cli:" + Environment.UserName, e.Actor));
        Assert.Equal("retention 12 -> 6 months", trail[3].Details);
        foreach (var secret in (string[])[key, rotated, password, "given-secret-123", token])
        {
            Assert.False(string.IsNullOrWhiteSpace(secret));
            Assert.All(trail, e => Assert.DoesNotContain(secret, e.Details ?? "", StringComparison.Ordinal));
        }

        var (exitCode, output, _) = await SocCommand.RunAsync("audit", "verify", "--data-dir", _dataDir);
        Assert.Equal((0, "ok: audit trail intact, 7 entries"), (exitCode, output.Trim()));
    }

    [Fact]
    public async Task ARefusedCommandChangesNothingAndAppendsNothing()
    {
        await SocAsync("agency", "add", "so-tttt", "--name", "Sở TT&TT");

        var (exitCode, _, _) = await SocCommand.RunAsync("agency", "rotate-key", "no-such-agency", "--data-dir", _dataDir);

        Assert.Equal(1, exitCode);
        Assert.Equal(["agency.add"], (await TrailAsync()).Select(e => e.Action));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private async Task<string> SocAsync(params string[] args)
    {
        var (exitCode, output, error) = await SocCommand.RunAsync([.. args, "--data-dir", _dataDir]);
        Assert.True(exitCode == 0, $"soc {string.Join(' ', args)} exited {exitCode}: {error}");
        return output.Trim();
    }

    private async Task<List<AuditEntry>> TrailAsync()
    {
        using var store = new SqliteStore(Path.Combine(_dataDir, "soc.db"));
        var newestFirst = await store.ListAuditAsync(null, 100, CancellationToken.None);
        return [.. newestFirst.Reverse()];
    }
}
