using System.IO.Compression;
using Soc.Console.Cli;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Incident;

namespace Soc.Console.Tests.Exports;

/// <summary>The offline <c>soc report</c> commands, run through the real command tree.</summary>
public sealed class ReportCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("soc-report-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void RendersEveryFormatFromAJsonExportAndNumbersForms()
    {
        var json = Path.Combine(_folder, "incident.json");
        using (var file = File.Create(json))
        {
            IncidentJsonExporter.Write(SampleData.Incident(), new ExportContext(SampleData.Detected, "x"), file);
        }

        foreach (var format in new[] { "pdf", "docx", "json", "csv" })
        {
            Assert.Equal(0, Soc("report", "render", "--input", json, "--format", format, "--out", P("out." + format)));
            Assert.True(new FileInfo(P("out." + format)).Length > 100, format);
        }

        Assert.Equal(0, Soc("report", "form", "--form", "tt20-2017/mau-03", "--input", json, "--out", P("m03.docx"), "--set", "H=Cơ quan chủ quản"));
        Assert.Equal(0, Soc("report", "form", "--form", "tt20-2017/mau-04", "--input", json, "--format", "pdf", "--out", P("m04.pdf"), "--initial-number", "01/BC-STTTT"));
        using (var store = new Soc.Console.Storage.Sqlite.SqliteStore(P("data/soc.db")))
        {
            var issued = store.ListReportNumbers(null, null);
            Assert.Equal([2, 1], issued.Where(n => n.Number.AgencyId == "so-tttt").Select(n => n.Number.Sequence));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(1, Soc("report", "form", "--form", "tt20-2017/mau-99", "--input", json, "--out", P("x.docx")));
    }

    [Fact]
    public void VerifyExitsZeroForAnIntactBundleAndOneForATamperedOne()
    {
        var json = Path.Combine(_folder, "incident.json");
        using (var file = File.Create(json))
        {
            IncidentJsonExporter.Write(BundleTests.Incident(), new ExportContext(SampleData.Detected, "x"), file);
        }

        File.WriteAllText(P("auth.log"), "Nov 22 10:14:57 web01 sshd[4242]: Failed password for root from 203.0.113.77 port 40000 ssh2\n");
        Assert.Equal(0, Soc("report", "bundle", "--input", json, "--evidence", P("auth.log"), "--out", P("b.zip")));
        Assert.Equal(0, Soc("report", "verify", P("b.zip")));

        using (var zip = ZipFile.Open(P("b.zip"), ZipArchiveMode.Update))
        {
            using var stream = zip.GetEntry("evidence/auth.log")!.Open();
            stream.WriteByte((byte)'X');
        }

        Assert.Equal(1, Soc("report", "verify", P("b.zip")));
    }

    private string P(string name) => Path.Combine(_folder, name);

    private int Soc(params string[] args) => CenterCommands.Build().Parse([.. args, "--data-dir", P("data")]).Invoke();
}
