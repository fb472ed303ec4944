using DocumentFormat.OpenXml.Packaging;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Forms;
using Soc.Console.Exports.Numbering;

namespace Soc.Console.Tests.Exports;

public sealed class FormTests
{
    private static readonly FormTemplateLibrary Library = FormTemplateLibrary.Load();
    private static readonly DateTimeOffset IssuedAt = SampleData.Detected.AddHours(2);
    private static readonly ExportContext Context = new(IssuedAt, "tran.van.minh");

    [Fact]
    public void ShippedTemplatesLoadAndIncludeForms030405()
    {
        Assert.Equal(["tt20-2017/mau-03", "tt20-2017/mau-04", "tt20-2017/mau-05"], Library.All.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Mau03DocxOpensWithOpenXmlAndHoldsTheFilledFields()
    {
        var form = Mau03(new InMemoryReportNumberSource());
        using var output = new MemoryStream();
        FormDocxExporter.Write(form, Context, output);
        Samples.Keep("mau-03.docx", output.ToArray());

        output.Position = 0;
        using var doc = WordprocessingDocument.Open(output, false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG", text, StringComparison.Ordinal);
        Assert.Contains("Số: 01/BC-STTTT", text, StringComparison.Ordinal);
        foreach (var label in new[] { "A1. Tên tổ chức/cá nhân (*)", "B1. Họ và tên (*)", "C1. Đơn vị vận hành hệ thống (*)", "E1. Ngày phát hiện (dd/mm/yy) (*)", "K. Giờ, ngày, tháng, năm (*)" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }

        Assert.Contains("Sở Thông tin và Truyền thông", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hồng Nhung", text, StringComparison.Ordinal);
        Assert.Contains("22/11/26", text, StringComparison.Ordinal);
        Assert.Contains("10:15 (UTC+07:00)", text, StringComparison.Ordinal);
        Assert.Contains("■ Đã khắc phục", text, StringComparison.Ordinal);
        Assert.Contains("■ Hệ thống giám sát an toàn thông tin", text, StringComparison.Ordinal);
        Assert.Contains("198.51.100.10", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mau03PdfPrintsTitleFieldsAndDiacritics()
    {
        using var output = new MemoryStream();
        FormPdfExporter.Write(Mau03(new InMemoryReportNumberSource()), Context, output);
        Samples.Keep("mau-03.pdf", output.ToArray());

        var text = PdfText.Extract(output.ToArray());
        Assert.Contains("BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Truy cập trái phép, chiếm quyền điều khiển", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EditsReplaceValuesAndMandatoryBlanksAreListed()
    {
        var form = Mau03(new InMemoryReportNumberSource());
        Assert.Equal(["H"], form.MissingRequired());

        var edited = form.With("H", "Cơ quan chủ quản\nCơ quan điều phối quốc gia (VNCERT)").With("C4", "2");

        Assert.Empty(edited.MissingRequired());
        Assert.Equal("2", edited.Value("C4"));
        Assert.Contains("■ Cơ quan chủ quản", FormText.Display(edited.Template.Fields.Single(f => f.Code == "H"), edited), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => form.With("Z9", "x"));
    }

    [Fact]
    public void Mau04ReferencesTheInitialReportNumberAndDate()
    {
        var numbers = new InMemoryReportNumberSource();
        var initial = Mau03(numbers);
        var reference = new InitialReportReference(initial.Number!, initial.IssuedAt);
        var template = Library.Get("tt20-2017/mau-04");
        var closedAt = SampleData.Detected.AddDays(1);
        var final = FormFiller.Fill(template, FormSources.FromIncident(SampleData.Incident(), closedAt, reference), SampleData.Agency, closedAt, numbers.Issue(SampleData.Agency, template.NumberSeries, closedAt).Text);

        Assert.Equal("01/BC-STTTT", final.Value("B1"));
        Assert.Equal("22/11/2026", final.Value("B2"));
        Assert.Equal("02/BC-STTTT", final.Number);
        Assert.Contains("Đã chặn 203.0.113.77", final.Value("F1"), StringComparison.Ordinal);

        var finalContext = new ExportContext(closedAt, "tran.van.minh");
        using var output = new MemoryStream();
        FormDocxExporter.Write(final, finalContext, output);
        Samples.Keep("mau-04.docx", output.ToArray());
        using var pdf = new MemoryStream();
        FormPdfExporter.Write(final, finalContext, pdf);
        Samples.Keep("mau-04.pdf", pdf.ToArray());
    }

    [Fact]
    public void RejectsTemplateWithUnknownSourceNamingTheField()
    {
        var folder = Directory.CreateTempSubdirectory("soc-forms-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.json"), """
                {"id":"x/bad","version":1,"code":"X","title":"T","legalBasis":"L","sections":[{"code":"A","title":"A","fields":[
                  {"code":"A1","label":"L","source":"agency.nmae"},{"code":"A2","label":"C","kind":"choice"}]}]}
                """);

            var error = Assert.Throws<InvalidDataException>(() => FormTemplateLibrary.Load(folder));

            Assert.Contains("field A1: unknown source 'agency.nmae'", error.Message, StringComparison.Ordinal);
            Assert.Contains("field A2: a choice needs options", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static FormDocument Mau03(InMemoryReportNumberSource numbers)
    {
        var template = Library.Get("tt20-2017/mau-03");
        var number = numbers.Issue(SampleData.Agency, template.NumberSeries, IssuedAt);
        return FormFiller.Fill(template, FormSources.FromIncident(SampleData.Incident(), IssuedAt), SampleData.Agency, IssuedAt, number.Text);
    }
}
