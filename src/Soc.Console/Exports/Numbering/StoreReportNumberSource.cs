using Soc.Console.Exports.Model;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Numbering;

/// <summary>
/// Numbers from the center's SQLite file (<c>report_numbers</c>): one sequence per agency, series and local
/// year, taken in a write transaction that also records what the number was issued for. Used by the center
/// and by <c>soc report form</c>, so both draw from the same sequence.
/// </summary>
public sealed class StoreReportNumberSource(SqliteStore store, ReportNumberUse use) : IReportNumberSource
{
    public ReportNumber Issue(AgencyProfile agency, string series, DateTimeOffset issuedAt) =>
        store.IssueReportNumber(agency, series, issuedAt, use);
}
