using System.Text;
using System.Text.Json;
using Soc.Console.Pipeline;
using Soc.Detection.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// Stored events are written by one reused writer per thread; nothing of one event may reach the next,
/// and what is written must read back as the event's fields.
/// </summary>
public sealed class EventJsonTests
{
    [Fact]
    public void EachEventIsWrittenWholeAndAloneAfterALargerOne()
    {
        var large = new LogEvent();
        large.Set("message", new string('x', 300_000));
        large.Set("event.category", new[] { "authentication", "network" });
        large.Set("host.name", "web01");
        var small = new LogEvent();
        small.Set("source.port", 22L);
        small.Set("user.name", "Nguyễn Văn A");
        small.Set("message", "skipped");

        var first = EventJson.SerializeUtf8(large, null, null);
        var second = EventJson.SerializeUtf8(small, "message", null);

        using (var doc = JsonDocument.Parse(first))
        {
            Assert.Equal(300_000, doc.RootElement.GetProperty("message").GetString()!.Length);
            Assert.Equal(2, doc.RootElement.GetProperty("event.category").GetArrayLength());
        }

        using var read = JsonDocument.Parse(second);
        Assert.Equal(["source.port", "user.name"], read.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(22, read.RootElement.GetProperty("source.port").GetInt64());
        Assert.Equal("Nguyễn Văn A", read.RootElement.GetProperty("user.name").GetString());
        Assert.Equal(EventJson.Serialize(small, "message", null), Encoding.UTF8.GetString(second));
    }
}
