using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Soc.EndToEnd.Tests.Support;

namespace Soc.EndToEnd.Tests.Security;

/// <summary>
/// The audit trail is tamper-evident: editing or deleting one row in the SQLite file makes both
/// <c>soc audit verify</c> and <c>GET /api/v1/audit/verify</c> fail and name the row. Own center, since
/// it breaks the chain on purpose.
/// </summary>
public sealed class AuditTamperTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("soc-tamper-").FullName;
    private CenterProcess _center = null!;
    private string _auditorToken = "";

    public async Task InitializeAsync()
    {
        _center = await CenterProcess.StartAsync(_work);
        await _center.SocAsync("user", "add", "kiemtoan", "--role", "auditor", "--password", "tamper-test-password");
        _auditorToken = (await _center.SocAsync("token", "create", "--user", "kiemtoan")).Trim();
        // Five audited actions: listing the trail over the API is an export, and exports are audited.
        using var api = _center.Client(_auditorToken);
        for (var i = 0; i < 5; i++)
        {
            (await api.GetAsync("/api/v1/audit")).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync()
    {
        await _center.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task EditingOneAuditRowMakesVerifyFailAndNameIt()
    {
        Assert.Equal((0, "ok: audit trail intact, 5 entries"), await VerifyAsync());
        Execute("UPDATE console_audit SET actor = 'someone-else' WHERE seq = 3");

        var (exit, output) = await VerifyAsync();
        Assert.Equal(1, exit);
        Assert.Contains("audit entry 3", output, StringComparison.Ordinal);
        using var api = _center.Client(_auditorToken);
        var result = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(3, result.GetProperty("brokenSeq").GetInt64());
    }

    [Fact]
    public async Task DeletingOneAuditRowMakesVerifyFailAndNameIt()
    {
        Execute("DELETE FROM console_audit WHERE seq = 2");
        var (exit, output) = await VerifyAsync();
        Assert.Equal(1, exit);
        Assert.Contains("audit entry 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingTheNewestAuditRowIsDetectedToo()
    {
        Execute("DELETE FROM console_audit WHERE seq = (SELECT max(seq) FROM console_audit)");
        var (exit, output) = await VerifyAsync();
        Assert.Equal(1, exit);
        Assert.Contains("missing", output, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_center.DataDir, "soc.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private async Task<(int Exit, string Output)> VerifyAsync()
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { BuiltPrograms.Center, "audit", "verify", "--data-dir", _center.DataDir })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Trim());
    }
}
