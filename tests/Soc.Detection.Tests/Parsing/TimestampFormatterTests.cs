using Soc.Detection.Parsing;

namespace Soc.Detection.Tests.Parsing;

public sealed class TimestampFormatterTests
{
    [Theory]
    [InlineData(2026, 11, 21, 10, 15, 32, 0, 420, "2026-11-21T10:15:32+07:00")]
    [InlineData(1986, 4, 25, 19, 23, 45, 1010000, -120, "1986-04-25T19:23:45.101-02:00")]
    [InlineData(2003, 8, 24, 5, 14, 15, 30, -450, "2003-08-24T05:14:15.000003-07:30")]
    [InlineData(1, 1, 1, 0, 0, 0, 1, 0, "0001-01-01T00:00:00.0000001+00:00")]
    public void WritesIsoWithTheEventsOffset(int y, int mo, int d, int h, int mi, int s, long ticks, int offsetMinutes, string expected)
    {
        var value = new DateTimeOffset(new DateTime(y, mo, d, h, mi, s).AddTicks(ticks), TimeSpan.FromMinutes(offsetMinutes));
        Assert.Equal(expected, TimestampFormatter.Format(value));
        Assert.Equal(value, DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}
