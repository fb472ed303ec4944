using DocumentFormat.OpenXml.Packaging;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Forms;
using Soc.Console.Exports.Model;

namespace Soc.Console.Tests.Exports;

public sealed class Form05Tests
{
    // First half of 2026 in Vietnam: [01/01/2026 00:00, 01/07/2026 00:00) UTC+07:00.
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset To = new(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));

    public static PeriodicReportData Period() => new()
    {
        Agency = SampleData.Agency,
        From = From,
        To = To,
        Incidents =
        [
            Incident("a", 4, From.AddDays(3), HandlingMode.InHouse),
            Incident("b", 4, From.AddDays(40), HandlingMode.DomesticSupport, damage: 12_500_000m),
            Incident("c", 3, From.AddDays(50), HandlingMode.ForeignSupport, requested: true),
            Incident("d", 1, To.AddTicks(-1), HandlingMode.InHouse),
            Incident("e", 5, From.AddDays(90), HandlingMode.DomesticSupport, requested: true, damage: 3_000_000m),
            Incident("fp", 4, From.AddDays(5), HandlingMode.InHouse) with { ClosingReason = "false_positive" },
            Incident("before", 4, From.AddTicks(-1), HandlingMode.InHouse),
            Incident("after", 2, To, HandlingMode.InHouse),
        ],
        DomesticHelpers = "Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC)",
    };

    [Fact]
    public void CountsEqualTheIncidentsOfThePeriodPerCategoryAndHandling()
    {
        var rows = Form05Summary.Count(Period());

        Assert.Equal(11, rows.Count);
        var access = rows.Single(r => r.Code == 4);
        Assert.Equal((2, 1, 1, 0, 0, 12_500_000m), (access.Count, access.InHouse, access.DomesticSupport, access.ForeignSupport, access.NationalSupportRequested, access.EstimatedDamageVnd));
        Assert.Equal((1, 1, 1), (rows.Single(r => r.Code == 3).Count, rows.Single(r => r.Code == 3).ForeignSupport, rows.Single(r => r.Code == 3).NationalSupportRequested));
        Assert.Equal(1, rows.Single(r => r.Code == 1).Count);
        Assert.Equal(0, rows.Single(r => r.Code == 2).Count);
        var total = rows[^1];
        Assert.Equal(("Tổng cộng", 5, 2, 2, 1, 2, 15_500_000m), (total.Category, total.Count, total.InHouse, total.DomesticSupport, total.ForeignSupport, total.NationalSupportRequested, total.EstimatedDamageVnd));
        Assert.Equal(total.Count, rows.Take(10).Sum(r => r.Count));
    }

    [Fact]
    public void Mau05DocxHoldsTheTableAndPeriod()
    {
        Samples.Keep("period.json", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Period(), ReportJson.Options));
        var template = FormTemplateLibrary.Load().Get("tt20-2017/mau-05");
        var issued = To.AddDays(-12);
        var form = FormFiller.Fill(template, FormSources.FromPeriod(Period()), SampleData.Agency, issued, "03/BC-STTTT");
        Assert.Equal("01/2026", form.Value("P1"));
        Assert.Equal("06/2026", form.Value("P2"));

        using var output = new MemoryStream();
        FormDocxExporter.Write(form, new ExportContext(issued, "le.thi.lan"), output);
        Samples.Keep("mau-05.docx", output.ToArray());
        using var pdf = new MemoryStream();
        FormPdfExporter.Write(form, new ExportContext(issued, "le.thi.lan"), pdf);
        Samples.Keep("mau-05.pdf", pdf.ToArray());

        output.Position = 0;
        using var doc = WordprocessingDocument.Open(output, false);
        var rows = doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var accessRow = rows.Single(r => r.Count == 8 && r[0] == "4");
        Assert.Equal(["4", "Truy cập trái phép, chiếm quyền điều khiển", "2", "1", "1", "0", "0", "12.500.000"], accessRow);
        Assert.Equal(["", "Tổng cộng", "5", "2", "2", "1", "2", "15.500.000"], rows.Single(r => r.Count == 8 && r[1] == "Tổng cộng"));
    }

    private static IncidentSummary Incident(string id, int category, DateTimeOffset detected, HandlingMode handling, bool requested = false, decimal? damage = null) => new()
    {
        Id = id,
        AgencyName = "Sở Thông tin và Truyền thông",
        NationalCategory = category,
        Severity = "high",
        Status = "closed",
        ClosingReason = "true_positive",
        DetectedAt = detected,
        ClosedAt = detected.AddHours(3),
        Handling = handling,
        NationalSupportRequested = requested,
        EstimatedDamageVnd = damage,
    };
}
