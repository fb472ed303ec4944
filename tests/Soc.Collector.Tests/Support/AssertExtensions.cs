namespace Soc.Collector.Tests.Support;

public static class AssertExtensions
{
    public static void ShouldBeTrue(this bool value) => Assert.True(value);
}
