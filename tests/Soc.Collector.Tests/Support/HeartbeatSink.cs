using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Soc.Collector.Tests.Support;

/// <summary>
/// A stand-in for the center's <c>POST /api/v1/collectors/heartbeat</c> on 127.0.0.1: keeps each body
/// with its Authorization header, and answers 500 while <see cref="Failing"/> is set.
/// </summary>
public sealed class HeartbeatSink : IAsyncDisposable
{
    private WebApplication? _app;
    private volatile bool _failing;

    public Uri Url { get; private set; } = null!;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public ConcurrentQueue<(string? Authorization, JsonElement Body)> Received { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/api/v1/collectors/heartbeat", async context =>
        {
            if (Failing)
            {
                context.Response.StatusCode = 500;
                return;
            }

            using var doc = await JsonDocument.ParseAsync(context.Request.Body);
            Received.Enqueue((context.Request.Headers.Authorization.ToString(), doc.RootElement.Clone()));
            context.Response.StatusCode = 204;
        });
        await app.StartAsync();
        Url = new Uri(app.Urls.First() + "/");
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
