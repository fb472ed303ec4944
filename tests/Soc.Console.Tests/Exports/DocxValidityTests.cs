using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Forms;
using Soc.Console.Exports.Incident;

namespace Soc.Console.Tests.Exports;

/// <summary>Word refuses documents that break the OpenXml schema (element order included): the SDK's validator checks ours.</summary>
public sealed class DocxValidityTests
{
    private static readonly ExportContext Context = new(SampleData.Detected, "kiem.toan");

    [Fact]
    public void IncidentDocxIsSchemaValid()
    {
        using var output = new MemoryStream();
        IncidentDocxExporter.Write(SampleData.Incident(), Context, output);

        AssertValid(output);
    }

    [Fact]
    public void FormDocxIsSchemaValid()
    {
        var template = FormTemplateLibrary.Load().Get("tt20-2017/mau-05");
        var form = FormFiller.Fill(template, FormSources.FromPeriod(Form05Tests.Period()), SampleData.Agency, SampleData.Detected, null);
        using var output = new MemoryStream();
        FormDocxExporter.Write(form, Context, output);

        AssertValid(output);
    }

    private static void AssertValid(MemoryStream output)
    {
        output.Position = 0;
        using var doc = WordprocessingDocument.Open(output, false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
