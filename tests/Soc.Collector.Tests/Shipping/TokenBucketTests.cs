using Soc.Collector.Shipping;

namespace Soc.Collector.Tests.Shipping;

public sealed class TokenBucketTests
{
    [Fact]
    public void LetsABurstOfAQuarterSecondThroughAtOnce()
    {
        var bucket = new TokenBucket(40_000, TimeProvider.System);
        Assert.True(bucket.TakeAsync(10_000, CancellationToken.None).IsCompleted);
        Assert.False(bucket.TakeAsync(10_000, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task NeverSendsFasterThanTheCap()
    {
        // A lower bound only: a slow machine makes this slower, never faster, so it cannot flake.
        const int rate = 32 * 1024;
        var bucket = new TokenBucket(rate, TimeProvider.System);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var sent = 0; sent < 3 * rate; sent += 4096)
        {
            await bucket.TakeAsync(4096, CancellationToken.None);
        }

        // 96 KiB at 32 KiB/s with an 8 KiB burst: at least (96 - 8) / 32 = 2.75 s.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.7), $"took {clock.Elapsed}");
    }
}
