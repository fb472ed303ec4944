using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Soc.Console.Cli;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Incident;
using Soc.Console.Tests.Exports.Center;

namespace Soc.Console.Tests.Exports;

/// <summary>
/// The deadlines that apply to an incident, in its report: filled from the center's deadline service (Mẫu 03
/// issued, so Circular 20's notify reads met), printed in the PDF and DOCX as "Thời hạn / Deadlines" with
/// local (+07:00) and UTC times, carried in the JSON export; older JSON files without them still render.
/// </summary>
public sealed class IncidentDeadlinesExportTests : IAsyncLifetime
{
    private ReportCenter _report = null!;
    private long _incident;

    public async Task InitializeAsync()
    {
        _report = await ReportCenter.StartAsync();
        _incident = _report.TtttIncidents[0];
        using var api = _report.Api("an");
        using var issued = await api.PostAsJsonAsync($"/api/v1/incidents/{_incident}/forms/mau-03?format=docx", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    public async Task DisposeAsync() => await _report.DisposeAsync();

    [Fact]
    public async Task ThePdfPrintsTheDeadlinesTableWithLocalAndUtcTimes()
    {
        using var api = _report.Api("an");

        var text = PdfText.Extract(await api.GetByteArrayAsync($"/api/v1/incidents/{_incident}/report?format=pdf"));

        // pdftotext breaks cells into lines where the column wraps; compare on single spaces.
        var table = string.Join(' ', text[text.IndexOf("Thời hạn / Deadlines", StringComparison.Ordinal)..].Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Thông báo sự cố (Mẫu 03)", table, StringComparison.Ordinal);
        Assert.Contains("đã đáp ứng / met", table, StringComparison.Ordinal);
        Assert.Matches(@"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d \(UTC\+07:00\)", table);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", table);
    }

    [Fact]
    public async Task TheDocxHasTheDeadlinesTableWithTheDueTimeInBothZones()
    {
        using var api = _report.Api("an");

        var docx = await api.GetByteArrayAsync($"/api/v1/incidents/{_incident}/report?format=docx");

        Assert.Contains("8. Thời hạn / Deadlines", ReportCenter.DocxText(docx), StringComparison.Ordinal);
        var rows = ReportCenter.DocxRows(docx);
        Assert.Contains(rows, r => r.SequenceEqual(["Thời hạn / Deadline", "Căn cứ / Source", "Hạn / Due", "Trạng thái / State", "Đáp ứng lúc / Met at"]));
        var notify = Assert.Single(rows, r => r[0] == "Thông báo sự cố (Mẫu 03)");
        Assert.Contains("Thông tư 20/2017/TT-BTTTT", notify[1], StringComparison.Ordinal);
        Assert.Matches(@"\(UTC\+07:00\)\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", notify[2]);
        Assert.Equal("đã đáp ứng / met", notify[3]);
        Assert.Contains("(UTC+07:00)", notify[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJsonExportCarriesTheDeadlinesAndReadsBackWithThem()
    {
        using var api = _report.Api("an");

        var bytes = await api.GetByteArrayAsync($"/api/v1/incidents/{_incident}/report?format=json");

        var json = JsonDocument.Parse(bytes).RootElement;
        var notify = json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "tt20-2017/notify");
        Assert.Equal("met", notify.GetProperty("state").GetString());
        Assert.EndsWith("+07:00", notify.GetProperty("due").GetProperty("local").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", notify.GetProperty("met").GetProperty("utc").GetString(), StringComparison.Ordinal);
        var data = IncidentJsonExporter.Read(new MemoryStream(bytes));
        Assert.Contains(data.Deadlines, d => d.Key == "tt20-2017/notify" && d.State == "met" && d.MetAt is not null);
        Assert.Contains(data.Deadlines, d => d.Key == "operational/acknowledge");
    }

    [Fact]
    public void AJsonFileWithoutDeadlinesStillRendersAndSaysSo()
    {
        var folder = Directory.CreateTempSubdirectory("soc-deadlines-render-").FullName;
        try
        {
            var node = JsonSerializer.SerializeToNode(SampleData.Incident(), ReportJson.Options)!.AsObject();
            Assert.True(node.Remove("deadlines"));
            var input = Path.Combine(folder, "old.json");
            File.WriteAllText(input, node.ToJsonString());
            var output = Path.Combine(folder, "old.pdf");

            var exit = CenterCommands.Build().Parse(["report", "render", "--input", input, "--format", "pdf", "--out", output, "--data-dir", Path.Combine(folder, "data")]).Invoke();

            Assert.Equal(0, exit);
            Assert.Contains("Báo cáo này không kèm thời hạn.", PdfText.Extract(File.ReadAllBytes(output)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
