namespace Soc.Collector.Tests.Support;

/// <summary>Polls a condition with a generous deadline: tests wait for outcomes, never assert on timing.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutSeconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeoutSeconds} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }
}
