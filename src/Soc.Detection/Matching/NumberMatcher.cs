using System.Globalization;

namespace Soc.Detection.Matching;

/// <summary>lt/lte/gt/gte (and equality for date parts): numeric comparison; text that is not a number never matches.</summary>
public sealed class NumberMatcher(string op, double value) : ValueMatcher
{
    public string Operator { get; } = op;
    public double Value { get; } = value;

    public override int Cost => 2;

    public override bool Match(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && Compare(n);

    public override bool MatchNumber(double number, ReadOnlySpan<char> text) => Compare(number);

    public bool Compare(double n) => Operator switch
    {
        "lt" => n < Value,
        "lte" => n <= Value,
        "gt" => n > Value,
        "gte" => n >= Value,
        _ => n == Value,
    };
}
