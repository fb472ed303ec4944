using System.Net;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Ingest;

/// <summary>The ingest-key life cycle behind <c>soc agency rotate-key / revoke-key</c>.</summary>
public sealed class AgencyKeyTests
{
    [Fact]
    public async Task RotatingAKeyRefusesTheOldOneAndAcceptsTheNew()
    {
        await using var center = await CenterFixture.StartAsync();
        var old = center.Store.AddAgency("a", "A", null);
        var rotated = center.Store.RotateIngestKey("a");
        using var client = center.Client();

        using var withOld = await client.SendAsync(IngestBatch.Request(old, IngestBatch.Record("k1", "x")));
        using var withNew = await client.SendAsync(IngestBatch.Request(rotated, IngestBatch.Record("k2", "y")));

        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Null(center.Store.AgencyForIngestKey(old));
    }

    [Fact]
    public async Task RevokingLeavesTheAgencyWithoutAWorkingKey()
    {
        await using var center = await CenterFixture.StartAsync();
        var key = center.Store.AddAgency("a", "A", null);

        Assert.Equal(1, center.Store.RevokeIngestKeys("a"));
        using var client = center.Client();
        using var response = await client.SendAsync(IngestBatch.Request(key, IngestBatch.Record("k1", "x")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
