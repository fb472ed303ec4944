using System.Text;
using System.Text.Json;
using Soc.Console.Ingest;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Ingest;

/// <summary>
/// The decoder reads a body into a pooled buffer that it enlarges as the body grows; batches far larger
/// than the first buffer must come out whole, record for record, and the size limit must still hold.
/// </summary>
public sealed class IngestDecoderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABatchOfManyBuffersComesOutRecordForRecord(bool gzip)
    {
        // ~1.2 MB of lines of uneven length (and Vietnamese text, several bytes a character), so buffer
        // boundaries fall inside lines and inside characters.
        var random = new Random(5);
        var messages = Enumerable.Range(0, 3_000)
            .Select(i => $"{i} Đăng nhập thất bại cho root từ 203.0.113.{i % 250} " + new string('x', random.Next(0, 700)))
            .ToList();
        var body = Body(messages.Select((m, i) => new { id = "r" + i, type = "syslog", host = "web01", message = m }));

        var batch = await IngestDecoder.DecodeAsync(new MemoryStream(gzip ? IngestBatch.Gzip(body) : body), gzip, new IngestOptions(), CancellationToken.None);

        Assert.Null(batch.Error);
        Assert.Equal(messages, batch.Records!.Select(r => r.Message));
        Assert.Equal(Enumerable.Range(0, 3_000).Select(i => "r" + i), batch.Records!.Select(r => r.Id));
    }

    [Fact]
    public async Task ABodyPastTheBatchLimitIsTooLargeEvenWhenEveryLineIsSmall()
    {
        var body = Body(Enumerable.Range(0, 5_000).Select(i => new { id = "r" + i, message = "short line " + i }));
        var limits = new IngestOptions { MaxBatchBytes = body.Length - 1 };

        var batch = await IngestDecoder.DecodeAsync(new MemoryStream(IngestBatch.Gzip(body)), gzip: true, limits, CancellationToken.None);

        Assert.Null(batch.Records);
        Assert.True(batch.IsTooLarge);
        Assert.Contains("batch larger than", batch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotGzipIsMalformedNotAnError()
    {
        var batch = await IngestDecoder.DecodeAsync(new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"1\",\"message\":\"m\"}\n")), gzip: true, new IngestOptions(), CancellationToken.None);

        Assert.Null(batch.Records);
        Assert.False(batch.IsTooLarge);
        Assert.Contains("not valid gzip", batch.Error, StringComparison.Ordinal);
    }

    private static byte[] Body<T>(IEnumerable<T> records) =>
        Encoding.UTF8.GetBytes(string.Concat(records.Select(r => JsonSerializer.Serialize(r) + "\n")));
}
