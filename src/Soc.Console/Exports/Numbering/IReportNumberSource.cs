using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Numbering;

/// <summary>
/// Hands out report numbers per agency, series and year, never the same twice. The center's store will
/// implement it (one row per agency/series/year, incremented in the transaction that records the report);
/// <see cref="FileReportNumberSource"/> and <see cref="InMemoryReportNumberSource"/> serve until then.
/// </summary>
public interface IReportNumberSource
{
    ReportNumber Issue(AgencyProfile agency, string series, DateTimeOffset issuedAt);
}
