using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Soc.CollectorLoad;

/// <summary>A stand-in for the center that only counts the JSON lines it receives and answers 200.</summary>
public sealed class CountingSink : IAsyncDisposable
{
    private WebApplication? _app;
    private long _records;

    public long Records => Interlocked.Read(ref _records);

    public int Port { get; private set; }

    /// <summary>While true the sink answers 503, like a center that is down.</summary>
    public bool Down { get; set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.MapPost("/api/v1/ingest", async context =>
        {
            if (Down)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await using var gzip = new GZipStream(context.Request.Body, CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            long lines = 0;
            int read;
            while ((read = await gzip.ReadAsync(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            Interlocked.Add(ref _records, lines);
            await context.Response.WriteAsync($"{{\"received\":{lines},\"stored\":{lines},\"duplicates\":0}}");
        });
        await app.StartAsync();
        _app = app;
        Port = new Uri(app.Urls.First()).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
