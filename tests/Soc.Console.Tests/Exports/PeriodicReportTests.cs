using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;
using Soc.Console.Exports.Periodic;

namespace Soc.Console.Tests.Exports;

public sealed class PeriodicReportTests
{
    private static readonly ExportContext Context = new(new DateTimeOffset(2026, 7, 2, 8, 0, 0, TimeSpan.FromHours(7)), "le.thi.lan");

    [Fact]
    public void CountsMeansAndRulePrecisionCoverThePeriodOnly()
    {
        var rule = new FiredRule("r-ssh", "SSH Failed Password For Root", "high", "Soc project", 10);
        var other = new FiredRule("r-web", "Web Path Traversal", "medium", "SigmaHQ", 3);
        var data = Form05Tests.Period() with
        {
            Incidents =
            [
                .. Form05Tests.Period().Incidents.Select((i, n) => i with
                {
                    Rules = n % 2 == 0 ? [rule] : [rule, other],
                    FirstEventAt = i.DetectedAt.AddMinutes(-10),
                    AcknowledgedAt = i.DetectedAt.AddMinutes(30),
                }),
            ],
            Collectors = [new("Sở Thông tin và Truyền thông", "web01", Context.GeneratedAt, 120_000), new("UBND xã An Phú", "xa-an-phu-fw", null, 0)],
        };

        var stats = PeriodicReportCalculator.Compute(data);

        // 6 incidents in [From, To): a, b, c, d, e and the false positive.
        Assert.Equal(6, stats.Total);
        Assert.Equal(3, stats.ByCategory.Single(r => r.Label.StartsWith("4.", StringComparison.Ordinal)).Count);
        Assert.Equal(TimeSpan.FromMinutes(10), stats.MeanTimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(30), stats.MeanTimeToAcknowledge);
        Assert.Equal(TimeSpan.FromHours(3), stats.MeanTimeToResolve);
        var ssh = stats.TopRules[0];
        Assert.Equal(("r-ssh", 6, 5, 1), (ssh.RuleId, ssh.Incidents, ssh.TruePositives, ssh.FalsePositives));
        Assert.Equal(5.0 / 6, ssh.Precision);
        Assert.Equal(["xa-an-phu-fw"], stats.SilentCollectors.Select(c => c.CollectorId));

        using var output = new MemoryStream();
        PeriodicPdfExporter.Write(data, Context, output);
        Samples.Keep("periodic.pdf", output.ToArray());
        var text = PdfText.Extract(output.ToArray());
        Assert.Contains("BÁO CÁO TÌNH HÌNH AN TOÀN THÔNG TIN ĐỊNH KỲ", text, StringComparison.Ordinal);
        Assert.Contains("xa-an-phu-fw", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyPeriodSaysSoAndStillReportsCoverage()
    {
        var data = Form05Tests.Period() with { Incidents = [], Collectors = [new("Sở Thông tin và Truyền thông", "web01", Context.GeneratedAt, 5_000)] };

        var stats = PeriodicReportCalculator.Compute(data);
        Assert.Equal(0, stats.Total);
        Assert.Null(stats.MeanTimeToResolve);
        Assert.Empty(stats.TopRules);

        using var output = new MemoryStream();
        PeriodicPdfExporter.Write(data, Context, output);
        var text = PdfText.Extract(output.ToArray());
        Assert.Contains("Không ghi nhận sự cố nào trong kỳ báo cáo", text, StringComparison.Ordinal);
        Assert.Contains("web01", text, StringComparison.Ordinal);

        using var docx = new MemoryStream();
        PeriodicDocxExporter.Write(data, Context, docx);
        docx.Position = 0;
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            Assert.Contains("Không ghi nhận sự cố nào trong kỳ báo cáo", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        using var json = new MemoryStream();
        PeriodicJsonExporter.Write(data, Context, json);
        using var doc = System.Text.Json.JsonDocument.Parse(json.ToArray());
        Assert.Equal(0, doc.RootElement.GetProperty("statistics").GetProperty("total").GetInt32());
    }
}
