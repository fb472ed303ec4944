using System.Text.Json;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Numbering;

/// <summary>
/// Numbers kept in a JSON file in the data folder (report-numbers.json). The file is held open exclusively
/// while a number is taken, so two processes on one machine never issue the same number; the new content is
/// written to a temporary file and renamed over the old one, so a crash leaves the old or the new state.
/// </summary>
public sealed class FileReportNumberSource(string path) : IReportNumberSource
{
    public ReportNumber Issue(AgencyProfile agency, string series, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var year = ReportNumberFormat.Year(issuedAt);
        var key = ReportNumberFormat.Key(agency, series, year);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var guard = Lock(path + ".lock");
        var last = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path)) ?? []
            : [];
        var next = last.GetValueOrDefault(key) + 1;
        last[key] = next;
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(last));
        File.Move(temp, path, overwrite: true);
        return ReportNumberFormat.Make(agency, series, year, next);
    }

    private static FileStream Lock(string lockPath)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(25);
            }
        }
    }
}
