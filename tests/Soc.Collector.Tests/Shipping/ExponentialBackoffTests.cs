using Soc.Collector.Shipping;

namespace Soc.Collector.Tests.Shipping;

public sealed class ExponentialBackoffTests
{
    [Fact]
    public void DoublesWithJitterInTheUpperHalfUpToTheCeiling()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(1));
        double[] ceilings = [100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000];
        foreach (var ceiling in ceilings)
        {
            var delay = backoff.Next().TotalMilliseconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }

        backoff.Reset();
        Assert.InRange(backoff.Next().TotalMilliseconds, 50, 100);
    }

    [Fact]
    public void TwoCollectorsDoNotRetryInLockStep()
    {
        var a = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(1));
        var b = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(2));
        var same = Enumerable.Range(0, 10).Count(_ => a.Next() == b.Next());
        Assert.True(same < 2);
    }
}
