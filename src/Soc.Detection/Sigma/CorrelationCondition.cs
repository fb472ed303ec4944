namespace Soc.Detection.Sigma;

/// <summary>One comparison of a correlation condition, e.g. <c>gte: 10</c>.</summary>
public sealed record CorrelationCondition(string Operator, double Value)
{
    public bool Holds(double actual) => Operator switch
    {
        "gt" => actual > Value,
        "gte" => actual >= Value,
        "lt" => actual < Value,
        "lte" => actual <= Value,
        "eq" => actual == Value,
        "neq" => actual != Value,
        _ => false,
    };
}
