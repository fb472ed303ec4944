namespace Soc.Detection.Sigma;

/// <summary>The seven correlation types of the v2.1.0 specification.</summary>
public enum CorrelationType
{
    EventCount,
    ValueCount,
    Temporal,
    TemporalOrdered,
    ValueSum,
    ValueAvg,
    ValuePercentile,
}
