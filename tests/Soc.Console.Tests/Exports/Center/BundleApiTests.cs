using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Soc.Console.Exports.Bundles;

namespace Soc.Console.Tests.Exports.Center;

/// <summary><c>GET /api/v1/incidents/{id}/bundle</c>: the signed bundle verifies, offline and with <c>soc report verify</c>; a changed byte does not.</summary>
public sealed class BundleApiTests : IAsyncLifetime
{
    private ReportCenter _report = null!;

    public async Task InitializeAsync() => _report = await ReportCenter.StartAsync();

    public async Task DisposeAsync() => await _report.DisposeAsync();

    [Fact]
    public async Task TheBundleFromTheApiVerifiesAndAChangedByteFails()
    {
        var incident = _report.TtttIncidents[0];
        using var api = _report.Api("an");
        // Something in the incident's audit trail, with another agency's entry in between to be redacted.
        (await api.PostAsync($"/api/v1/incidents/{incident}/notes", System.Net.Http.Json.JsonContent.Create(new { text = "Đã chặn 203.0.113.41 trên tường lửa" }))).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/v1/incidents/{_report.HuyenIncident}/notes", System.Net.Http.Json.JsonContent.Create(new { text = "khác" }))).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/v1/incidents/{incident}/notes", System.Net.Http.Json.JsonContent.Create(new { text = "Đã đổi mật khẩu root" }))).EnsureSuccessStatusCode();

        using var response = await api.GetAsync($"/api/v1/incidents/{incident}/bundle");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await response.Content.ReadAsByteArrayAsync();
        var trusted = new X509Certificate2Collection(X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_report.Center.DataDir, "keys", SigningCertificates.PublicFileName)));

        var result = AuditBundleVerifier.Verify(new MemoryStream(bundle), trusted);
        Assert.True(result.Valid, string.Join("\n", result.Failures));
        Assert.True(result.SignerTrusted);
        var files = result.Manifest!.Files.Select(f => f.Path).ToList();
        Assert.Contains($"reports/{incident}.pdf", files);
        Assert.Contains($"reports/{incident}.json", files);
        Assert.Contains("evidence/events.jsonl", files);
        Assert.Contains("audit/trail.json", files);
        using (var zip = new ZipArchive(new MemoryStream(bundle)))
        {
            using var trail = new StreamReader(zip.GetEntry("audit/trail.json")!.Open());
            var text = await trail.ReadToEndAsync();
            Assert.Contains("Đã đổi mật khẩu root", text, StringComparison.Ordinal);
            Assert.DoesNotContain("khác", text, StringComparison.Ordinal); // huyen-a's note is redacted to its hashes
            using var events = new StreamReader(zip.GetEntry("evidence/events.jsonl")!.Open());
            Assert.Contains("Failed password for root from 203.0.113.41", await events.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var path = Path.Combine(_report.Center.DataDir, "bundle.zip");
        await File.WriteAllBytesAsync(path, bundle);
        Assert.Equal(0, _report.Soc("report", "verify", path));

        var tampered = Tamper(bundle, $"reports/{incident}.json");
        var broken = AuditBundleVerifier.Verify(new MemoryStream(tampered), trusted);
        Assert.False(broken.Valid);
        Assert.Contains(broken.Failures, f => f.StartsWith($"reports/{incident}.json", StringComparison.Ordinal));
        await File.WriteAllBytesAsync(path, tampered);
        Assert.Equal(1, _report.Soc("report", "verify", path));

        var audit = await _report.Center.Contract.ListAuditAsync($"incident:{incident}", 10, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "incident.export" && e.Details!.StartsWith("bundle,", StringComparison.Ordinal));
    }

    /// <summary>The bundle with one byte of one file changed (the ZIP itself stays valid).</summary>
    private static byte[] Tamper(byte[] bundle, string entryName)
    {
        var copy = new MemoryStream();
        copy.Write(bundle);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName)!;
            byte[] content;
            using (var read = entry.Open())
            using (var buffer = new MemoryStream())
            {
                read.CopyTo(buffer);
                content = buffer.ToArray();
            }

            content[content.Length / 2] ^= 0x01;
            entry.Delete();
            using var write = zip.CreateEntry(entryName).Open();
            write.Write(content);
        }

        return copy.ToArray();
    }
}
