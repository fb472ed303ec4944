using System.Globalization;

namespace Soc.Detection.Matching;

/// <summary>
/// minute/hour/day/week/month/year: the part of a timestamp value (ISO 8601, in its own offset; UTC when it
/// has none) compared with the rule's number (equality, or lt/gt/... when chained).
/// </summary>
public sealed class DatePartMatcher(string part, NumberMatcher compare) : ValueMatcher
{
    public string Part { get; } = part;

    public override int Cost => 4;

    public override bool Match(ReadOnlySpan<char> text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return false;
        }

        double value = Part switch
        {
            "minute" => t.Minute,
            "hour" => t.Hour,
            "day" => t.Day,
            "week" => ISOWeek.GetWeekOfYear(t.DateTime),
            "month" => t.Month,
            _ => t.Year,
        };
        return compare.Compare(value);
    }

    public override bool MatchNumber(double number, ReadOnlySpan<char> text) => false;
}
