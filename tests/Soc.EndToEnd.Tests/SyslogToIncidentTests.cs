using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Soc.EndToEnd.Tests.Support;

namespace Soc.EndToEnd.Tests;

/// <summary>
/// The walking skeleton, all real: util-linux <c>logger</c> sends an RFC 3164 line over TCP to the
/// collector process, which ships it to the center process; the center parses, detects, stores in SQLite
/// and groups an incident that the API lists.
/// </summary>
public sealed class SyslogToIncidentTests : IDisposable
{
    private const int SyslogPort = 5514;
    private readonly string _work = Directory.CreateTempSubdirectory("soc-e2e-").FullName;

    [Fact]
    public async Task ALoggerLineBecomesAnIncidentListedByTheApi()
    {
        var dataDir = Path.Combine(_work, "data");
        var key = (await ChildProcess.RunAsync("dotnet", BuiltPrograms.Center, "agency", "add", "so-tttt", "--name", "Sở TT&TT", "--data-dir", dataDir)).Trim();
        await ChildProcess.RunAsync("dotnet", BuiltPrograms.Center, "user", "add", "an", "--role", "analyst", "--password", "e2e-secret-password", "--data-dir", dataDir);
        var token = (await ChildProcess.RunAsync("dotnet", BuiltPrograms.Center, "token", "create", "--user", "an", "--data-dir", dataDir)).Trim();

        var centerPort = BuiltPrograms.FreeTcpPort();
        using var center = ChildProcess.Start(BuiltPrograms.Center, "serve", "--data-dir", dataDir, "--urls", $"http://127.0.0.1:{centerPort}", "--rules", RepoPaths.Rules);
        await BuiltPrograms.WaitForPortAsync(centerPort, center, TimeSpan.FromSeconds(60));

        var config = Path.Combine(_work, "collector.yml");
        await File.WriteAllTextAsync(config, $"""
            id: e2e-collector
            dataDir: {Path.Combine(_work, "collector")}
            center:
              url: http://127.0.0.1:{centerPort}
              apiKey: {key}
            inputs:
              - type: syslog_tcp
                listen: 127.0.0.1:{SyslogPort}
                sourceType: syslog
            """);
        using var collector = ChildProcess.Start(BuiltPrograms.Collector, "--config", config);
        await BuiltPrograms.WaitForPortAsync(SyslogPort, collector, TimeSpan.FromSeconds(60));

        await ChildProcess.RunAsync("logger", "--tcp", "--rfc3164", "-n", "127.0.0.1", "-P", SyslogPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-t", "sshd", "--id=4242", "Failed password for root from 203.0.113.77 port 40000 ssh2");

        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{centerPort}") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var incident = await WaitForIncidentAsync(api, center, collector);

        Assert.Equal("SSH Password Login As Root Failed", incident.GetProperty("title").GetString());
        Assert.Equal(System.Net.Dns.GetHostName(), incident.GetProperty("host").GetString());
        Assert.Equal("203.0.113.77", incident.GetProperty("entity").GetString());
        Assert.Equal("so-tttt", incident.GetProperty("agencyId").GetString());
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident.GetProperty("id").GetInt64()}");
        var alert = detail.GetProperty("alerts")[0];
        Assert.Equal("Failed password for root from 203.0.113.77 port 40000 ssh2", alert.GetProperty("message").GetString());
        Assert.Equal("Soc project", alert.GetProperty("author").GetString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // leftovers in /tmp are harmless
        }
    }

    private static async Task<JsonElement> WaitForIncidentAsync(HttpClient api, ChildProcess center, ChildProcess collector)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/incidents");
            if (list.GetArrayLength() > 0)
            {
                return list[0];
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"no incident within 60 s.\ncenter:\n{center.Output}\ncollector:\n{collector.Output}");
    }
}
