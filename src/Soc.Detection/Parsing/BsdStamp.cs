namespace Soc.Detection.Parsing;

/// <summary>A BSD syslog stamp as read, before year and zone are resolved. <see cref="Year"/> is 0 when the line had none.</summary>
internal readonly record struct BsdStamp(int Year, int Month, int Day, int Hour, int Minute, int Second, long FractionTicks)
{
    public DateTime ToDateTime(int year) =>
        new DateTime(year, Month, Day, Hour, Minute, Second, DateTimeKind.Unspecified).AddTicks(FractionTicks);
}
