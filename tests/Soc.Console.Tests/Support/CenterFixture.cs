using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Soc.Console.Hosting;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Tests.Support;

/// <summary>A real center on 127.0.0.1 (a free port) with a temporary data folder and a real SQLite file.</summary>
public sealed class CenterFixture : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CenterFixture(WebApplication app, string dataDir, Uri baseAddress)
    {
        _app = app;
        DataDir = dataDir;
        BaseAddress = baseAddress;
    }

    public string DataDir { get; }

    public Uri BaseAddress { get; }

    public SqliteStore Store => _app.Services.GetRequiredService<SqliteStore>();

    public T Services<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public Soc.Console.Storage.ISocStore Contract => _app.Services.GetRequiredService<Soc.Console.Storage.ISocStore>();

    private SqliteStore? _store;

    public static async Task<CenterFixture> StartAsync(IEnumerable<string>? rulePaths = null, params string[] settings)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "soc-test-" + Guid.NewGuid().ToString("N"));
        var options = new CenterOptions
        {
            DataDir = dataDir,
            Urls = "http://127.0.0.1:0",
            RulePaths = [.. rulePaths ?? [RepoPaths.Rules]],
        };
        // settings: configuration as on the command line, e.g. "--Soc:Ingest:MaxRecordBytes=100".
        var app = CenterHost.Build(options, settings);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new CenterFixture(app, dataDir, new Uri(address));
    }

    public HttpClient Client(string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        _store = Store;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
