using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Soc.Console.Tests.Support;

/// <summary>Builds ingest bodies exactly as a collector sends them: gzip JSON lines (docs/specs/wire.md).</summary>
public static class IngestBatch
{
    public static object Record(string id, string message, string type = "syslog", string host = "web01") => new
    {
        id,
        type,
        host,
        source = "tcp://127.0.0.1:5514",
        received = DateTimeOffset.UtcNow,
        tz = "Asia/Ho_Chi_Minh",
        message,
        peer = "127.0.0.1",
    };

    public static HttpRequestMessage Request(string apiKey, params object[] records)
    {
        var lines = string.Join("\n", records.Select(r => JsonSerializer.Serialize(r))) + "\n";
        return Request(apiKey, Encoding.UTF8.GetBytes(lines));
    }

    public static HttpRequestMessage Request(string apiKey, byte[] plainBody)
    {
        var content = new ByteArrayContent(Gzip(plainBody));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        content.Headers.ContentEncoding.Add("gzip");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        return request;
    }

    /// <summary>A body compressed as the collector sends it.</summary>
    public static byte[] Gzip(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return buffer.ToArray();
    }

    /// <summary>An RFC 3164 sshd line stamped now in Asia/Ho_Chi_Minh.</summary>
    public static string SshdFailedRoot(string sourceIp)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        return $"<38>{local.ToString("MMM dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} web01 sshd[4242]: Failed password for root from {sourceIp} port 50022 ssh2";
    }
}
