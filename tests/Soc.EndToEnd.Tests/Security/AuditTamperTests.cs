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
        var key = (await _center.SocAsync("agency", "add", "so-tttt", "--name", "Sở TT&TT")).Trim();
        await _center.SocAsync("user", "add", "kiemtoan", "--role", "auditor", "--password", "tamper-test-password");
        await _center.SocAsync("user", "add", "phantich", "--role", "analyst", "--password", "tamper-test-password");
        _auditorToken = (await _center.SocAsync("token", "create", "--user", "kiemtoan")).Trim();
        var analystToken = (await _center.SocAsync("token", "create", "--user", "phantich")).Trim();
        using (var ingest = _center.Client())
        {
            var line = JsonSerializer.Serialize(new { id = "t1", type = "syslog", host = "portal01", message = "<38>Nov 22 09:14:07 portal01 sshd[311]: Failed password for root from 203.0.113.200 port 4022 ssh2" });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest") { Content = new StringContent(line + "\n") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", key);
            (await ingest.SendAsync(request)).EnsureSuccessStatusCode();
        }

        // Ten audited actions: the five `soc` commands above, then five notes on the incident.
        using var api = _center.Client(analystToken);
        var incident = (await api.GetFromJsonAsync<JsonElement>("/api/v1/incidents"))[0].GetProperty("id").GetInt64();
        for (var i = 0; i < 5; i++)
        {
            (await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/notes", new { text = $"note {i}" })).EnsureSuccessStatusCode();
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
        Assert.Equal((0, "ok: audit trail intact, 10 entries"), await VerifyAsync());
        // The table refuses updates through a trigger; someone with the file can drop it, which is what the chain is for.
        Execute("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone-else' WHERE seq = 3");

        var (exit, output) = await VerifyAsync();
        Assert.Equal(1, exit);
        Assert.Contains("audit entry 3", output, StringComparison.Ordinal);
        using var api = _center.Client(_auditorToken);
        var result = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(3, result.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task DeletingOneAuditRowMakesVerifyFailAndNameIt()
    {
        Execute("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2");
        var (exit, output) = await VerifyAsync();
        Assert.Equal(1, exit);
        Assert.Contains("audit entry 2", output, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_center.DataDir, "soc.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(command.ExecuteNonQuery() >= 1);
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
