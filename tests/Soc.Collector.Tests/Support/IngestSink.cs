using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Soc.Collector.Tests.Support;

/// <summary>
/// A stand-in for the center in collector tests: implements the ingest contract (docs/specs/wire.md) on
/// 127.0.0.1 with Kestrel, stores records by id create-if-absent in memory, can be stopped and started on the
/// same port, and injects failures chosen per request by <see cref="FailureFor"/>.
/// </summary>
public sealed class IngestSink : IAsyncDisposable
{
    public const string ApiKey = "test-agency-key";

    private readonly X509Certificate2? _certificate;
    private WebApplication? _app;
    private int _requests;

    public IngestSink(int port = 0, X509Certificate2? certificate = null)
    {
        Port = port == 0 ? FreePort() : port;
        _certificate = certificate;
    }

    public int Port { get; }

    public Uri Url => new($"{(_certificate is null ? "http" : "https")}://{(_certificate is null ? "127.0.0.1" : "localhost")}:{Port}/");

    /// <summary>id → the JSON line as received. Create-if-absent, as the center stores.</summary>
    public ConcurrentDictionary<string, string> Stored { get; } = new(StringComparer.Ordinal);

    public int Requests => Volatile.Read(ref _requests);

    private long _duplicates;

    /// <summary>Records received again after they were stored (re-sent after a lost answer).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Chooses a failure for request number n (1-based) and its records' messages; none by default.</summary>
    public Func<int, IReadOnlyList<string>, SinkFailure> FailureFor { get; set; } = (_, _) => SinkFailure.None;

    /// <summary>Messages stored, for assertions on content.</summary>
    public IEnumerable<string> Messages => Stored.Values.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("message").GetString()!);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, Port, listen =>
            {
                if (_certificate is not null)
                {
                    listen.UseHttps(_certificate);
                }
            });
        });
        var app = builder.Build();
        app.MapPost("/api/v1/ingest", HandleAsync);
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        if (context.Request.Headers.Authorization != $"ApiKey {ApiKey}")
        {
            context.Response.StatusCode = 401;
            return;
        }

        var lines = new List<string>();
        var stream = context.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
        using (var reader = new StreamReader(stream))
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
            }
        }

        var parsed = new List<(string Id, string Message, string Line)>();
        foreach (var line in lines)
        {
            try
            {
                var root = JsonDocument.Parse(line).RootElement;
                parsed.Add((root.GetProperty("id").GetString()!, root.GetProperty("message").GetString()!, line));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("malformed line: " + ex.Message);
                return;
            }
        }

        var failure = FailureFor(number, [.. parsed.Select(p => p.Message)]);
        switch (failure)
        {
            case SinkFailure.TooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            case SinkFailure.ServerError:
                context.Response.StatusCode = 500;
                return;
            case SinkFailure.TooLarge:
                context.Response.StatusCode = 413;
                return;
            case SinkFailure.BadRequest:
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("record 1: message is not a string");
                return;
            case SinkFailure.Unauthorized:
                context.Response.StatusCode = 401;
                return;
        }

        var stored = 0;
        foreach (var (id, _, line) in parsed)
        {
            if (Stored.TryAdd(id, line))
            {
                stored++;
            }
            else
            {
                Interlocked.Increment(ref _duplicates);
            }
        }

        if (failure == SinkFailure.DropAnswerAfterStoring)
        {
            context.Abort();
            return;
        }

        await context.Response.WriteAsJsonAsync(new { received = parsed.Count, stored, duplicates = parsed.Count - stored });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
