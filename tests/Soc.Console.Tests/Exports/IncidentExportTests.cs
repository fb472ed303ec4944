using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Incident;

namespace Soc.Console.Tests.Exports;

public sealed class IncidentExportTests
{
    private static readonly ExportContext Context = new(SampleData.Detected.AddHours(6), "kiem.toan");

    [Fact]
    public void PdfTextHoldsIdAgencyCategoryTimesWithOffsetAndVietnameseDiacritics()
    {
        using var output = new MemoryStream();
        IncidentPdfExporter.Write(SampleData.Incident(), Context, output);
        Samples.Keep("incident.pdf", output.ToArray());

        var text = PdfText.Extract(output.ToArray());

        Assert.Contains("INC-2026-000142", text, StringComparison.Ordinal);
        Assert.Contains("Sở Thông tin và Truyền thông", text, StringComparison.Ordinal);
        Assert.Contains("Truy cập trái phép, chiếm quyền điều khiển", text, StringComparison.Ordinal);
        Assert.Contains("22/11/2026 10:15:02 (UTC+07:00)", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-22 03:15:02Z", text, StringComparison.Ordinal);
        Assert.Contains("Failed password for root", text, StringComparison.Ordinal);
        Assert.Contains("SSH Failed Password For Root", text, StringComparison.Ordinal);
        Assert.Contains("9f2c4e1b7a3d5f60812c9e4b7d3a1f0e", text, StringComparison.Ordinal);
        Assert.Contains("Trang 1/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfBreaksLongTimelinesAcrossPages()
    {
        var data = SampleData.Incident();
        var notes = Enumerable.Range(0, 120).Select(i => new Soc.Console.Exports.Model.TimelineEntry(SampleData.Detected.AddMinutes(i), Soc.Console.Exports.Model.TimelineEntryKind.Note, "tran.van.minh", "Ghi chú số " + i));
        using var output = new MemoryStream();
        IncidentPdfExporter.Write(data with { Timeline = [.. notes] }, Context, output);

        var text = PdfText.Extract(output.ToArray());

        Assert.Contains("Ghi chú số 119", text, StringComparison.Ordinal);
        Assert.Contains("Trang 3/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeNoteIsCutToOnePageInsteadOfRunningOffIt()
    {
        var data = SampleData.Incident();
        var huge = string.Join(' ', Enumerable.Range(0, 3000).Select(i => "từ" + i));
        using var output = new MemoryStream();
        IncidentPdfExporter.Write(data with { Timeline = [new(SampleData.Detected, Soc.Console.Exports.Model.TimelineEntryKind.Note, "a", huge)] }, Context, output);

        var text = PdfText.Extract(output.ToArray());

        Assert.Contains("cắt bớt; toàn văn trong bản JSON", text, StringComparison.Ordinal);
        Assert.DoesNotContain("từ2999", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxOpensAndHoldsTheSameFacts()
    {
        using var output = new MemoryStream();
        IncidentDocxExporter.Write(SampleData.Incident(), Context, output);
        Samples.Keep("incident.docx", output.ToArray());

        output.Position = 0;
        using var doc = WordprocessingDocument.Open(output, false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("INC-2026-000142", text, StringComparison.Ordinal);
        Assert.Contains("Truy cập trái phép, chiếm quyền điều khiển", text, StringComparison.Ordinal);
        Assert.Contains("22/11/2026 10:15:02 (UTC+07:00)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonRoundTripsTheModelAndStatesBothTimeZones()
    {
        var data = SampleData.Incident();
        using var output = new MemoryStream();
        IncidentJsonExporter.Write(data, Context, output);
        Samples.Keep("incident.json", output.ToArray());

        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal("2026-11-22T10:15:02+07:00", json.RootElement.GetProperty("times").GetProperty("detected").GetProperty("local").GetString());
        Assert.Equal("2026-11-22T03:15:02Z", json.RootElement.GetProperty("times").GetProperty("detected").GetProperty("utc").GetString());
        Assert.Contains("Sở Thông tin và Truyền thông", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);

        output.Position = 0;
        var back = IncidentJsonExporter.Read(output);
        Assert.Equal(data.Id, back.Id);
        Assert.Equal(data.Timeline, back.Timeline);
        Assert.Equal(data.Events, back.Events);
        Assert.Equal(data.Evidence, back.Evidence);
        Assert.Equal(data.System.PublicAddresses, back.System.PublicAddresses);
    }

    [Fact]
    public void CsvHasOneRowPerAlertAndEventWithBomAndEscapedFormulas()
    {
        var data = SampleData.Incident();
        var hostile = data.Events[0] with { Original = "=HYPERLINK(\"http://evil\")" };
        using var output = new MemoryStream();
        IncidentCsvExporter.Write(data with { Events = [hostile, data.Events[1]] }, output);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split("\r\n");
        Assert.Equal(1 + 1 + 2, lines.Length);
        Assert.StartsWith("incident_id,kind,time_utc", lines[0], StringComparison.Ordinal);
        Assert.Contains("alert,2026-11-22T03:15:02Z,2026-11-22T10:15:02+07:00,soc,b2f4a6c1", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", lines[2], StringComparison.Ordinal);
    }
}
