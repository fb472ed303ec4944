using Soc.Console.Exports.Numbering;

namespace Soc.Console.Tests.Exports;

public sealed class ReportNumberTests
{
    [Fact]
    public void FileSourceCountsPerAgencyAndYearAcrossInstances()
    {
        var folder = Directory.CreateTempSubdirectory("soc-numbers-").FullName;
        try
        {
            var path = Path.Combine(folder, "report-numbers.json");
            var at = SampleData.Detected;
            var other = SampleData.Agency with { Id = "xa-an-phu", DocumentCode = "UBND" };

            Assert.Equal("01/BC-STTTT", new FileReportNumberSource(path).Issue(SampleData.Agency, "BC", at).Text);
            Assert.Equal("02/BC-STTTT", new FileReportNumberSource(path).Issue(SampleData.Agency, "BC", at).Text);
            Assert.Equal("01/BC-UBND", new FileReportNumberSource(path).Issue(other, "BC", at).Text);
            // 31/12/2026 17:30 UTC is already 2027 in Vietnam: numbering restarts.
            var newYear = new FileReportNumberSource(path).Issue(SampleData.Agency, "BC", new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero));
            Assert.Equal((2027, 1), (newYear.Year, newYear.Sequence));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void FileSourceNeverIssuesTheSameNumberTwiceUnderConcurrency()
    {
        var folder = Directory.CreateTempSubdirectory("soc-numbers-").FullName;
        try
        {
            var source = new FileReportNumberSource(Path.Combine(folder, "n.json"));
            var numbers = new System.Collections.Concurrent.ConcurrentBag<int>();
            Parallel.For(0, 40, _ => numbers.Add(source.Issue(SampleData.Agency, "BC", SampleData.Detected).Sequence));

            Assert.Equal(Enumerable.Range(1, 40), numbers.Order());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
