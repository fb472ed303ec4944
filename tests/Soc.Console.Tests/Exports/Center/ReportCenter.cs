using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Soc.Console.Cli;
using Soc.Console.Security;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Exports.Center;

/// <summary>
/// A real center for the report tests: agencies so-tttt and huyen-a, an analyst and an auditor for the province,
/// a viewer of huyen-a, and incidents made by the real pipeline from sshd lines (two on so-tttt from two source
/// addresses, one on huyen-a).
/// </summary>
public sealed class ReportCenter : IAsyncDisposable
{
    private ReportCenter(CenterFixture center) => Center = center;

    public CenterFixture Center { get; }

    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>so-tttt's incidents (the first from 203.0.113.41, the second from 203.0.113.42), then huyen-a's.</summary>
    public List<long> TtttIncidents { get; } = [];

    public long HuyenIncident { get; private set; }

    public static async Task<ReportCenter> StartAsync()
    {
        var report = new ReportCenter(await CenterFixture.StartAsync());
        var center = report.Center;
        var tttt = center.Store.AddAgency("so-tttt", "Sở Thông tin và Truyền thông", null);
        var huyen = center.Store.AddAgency("huyen-a", "Huyện A", null);
        foreach (var (user, role, agency) in new[] { ("an", Roles.Analyst, (string?)null), ("kiem", Roles.Auditor, null), ("viewer-a", Roles.AgencyViewer, "huyen-a") })
        {
            center.Store.AddUser(user, role, agency, null);
            report.Tokens[user] = center.Store.CreateToken(user);
        }

        using var client = center.Client();
        foreach (var (key, id, ip) in new[] { (tttt, "r-1", "203.0.113.41"), (tttt, "r-2", "203.0.113.42"), (huyen, "r-3", "192.0.2.61") })
        {
            using var response = await client.SendAsync(IngestBatch.Request(key, IngestBatch.Record(id, IngestBatch.SshdFailedRoot(ip))));
            response.EnsureSuccessStatusCode();
        }

        using var api = report.Api("an");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/incidents?sort=%2Bid");
        foreach (var incident in list.EnumerateArray())
        {
            if (incident.GetProperty("agencyId").GetString() == "so-tttt")
            {
                report.TtttIncidents.Add(incident.GetProperty("id").GetInt64());
            }
            else
            {
                report.HuyenIncident = incident.GetProperty("id").GetInt64();
            }
        }

        Assert.Equal(2, report.TtttIncidents.Count);
        Assert.NotEqual(0, report.HuyenIncident);
        return report;
    }

    public HttpClient Api(string user) => Center.Client(Tokens[user]);

    /// <summary>Runs <c>soc …</c> in process on the center's data folder.</summary>
    public int Soc(params string[] args) => CenterCommands.Build().Parse([.. args, "--data-dir", Center.DataDir]).Invoke();

    /// <summary>Local dates around today: a period that surely holds the incidents just made.</summary>
    public static (string From, string To) AroundToday()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        return (today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string DocxText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }

    public static List<List<string>> DocxRows(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList())];
    }

    public async ValueTask DisposeAsync() => await Center.DisposeAsync();
}
