using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Numbering;

/// <summary>Numbers kept in memory: for tests and previews, where a number must not be consumed for real.</summary>
public sealed class InMemoryReportNumberSource : IReportNumberSource
{
    private readonly Dictionary<string, int> _last = new(StringComparer.Ordinal);

    public ReportNumber Issue(AgencyProfile agency, string series, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var year = ReportNumberFormat.Year(issuedAt);
        var key = ReportNumberFormat.Key(agency, series, year);
        lock (_last)
        {
            var next = _last.GetValueOrDefault(key) + 1;
            _last[key] = next;
            return ReportNumberFormat.Make(agency, series, year, next);
        }
    }
}
