using System.Globalization;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Numbering;

/// <summary>Shared by the number sources: the year is the local (UTC+07:00) year of issue.</summary>
public static class ReportNumberFormat
{
    public static int Year(DateTimeOffset issuedAt) => ReportClock.ToLocal(issuedAt).Year;

    public static string Key(AgencyProfile agency, string series, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{agency.Id}|{series}|{year}");

    public static ReportNumber Make(AgencyProfile agency, string series, int year, int sequence) => new(
        agency.Id,
        series,
        year,
        sequence,
        string.Create(CultureInfo.InvariantCulture, $"{sequence:00}/{series}-{agency.DocumentCode ?? agency.Id.ToUpperInvariant()}"));
}
