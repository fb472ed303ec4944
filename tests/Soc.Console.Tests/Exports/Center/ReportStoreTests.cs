using Microsoft.Data.Sqlite;
using Soc.Console.Exports.Center;
using Soc.Console.Exports.Model;
using Soc.Console.Exports.Numbering;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Tests.Exports.Center;

/// <summary>The store's report tables: the profile columns added to an existing soc.db, and numbers across store instances.</summary>
public sealed class ReportStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("soc-report-store-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    [Fact]
    public void AddsTheProfileColumnsToADatabaseMadeBeforeThem()
    {
        var path = Path.Combine(_folder, "soc.db");
        using (var old = new SqliteConnection("Data Source=" + path))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE agencies(id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT REFERENCES agencies(id), retention_months INTEGER NOT NULL DEFAULT 12, created TEXT NOT NULL);
                INSERT INTO agencies(id, name, created) VALUES ('so-tttt', 'Sở Thông tin và Truyền thông', '2026-01-01');
                """;
            create.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        using var store = new SqliteStore(path);
        Assert.Equal(new AgencyDetails(), store.GetAgencyDetails("so-tttt"));
        Assert.True(store.SetAgencyDetails("so-tttt", new AgencyDetails { Address = "12 Lê Lợi", DocumentCode = "STTTT" }));
        Assert.Equal("STTTT", AgencyProfileReader.Read(store, "so-tttt").DocumentCode);
        Assert.False(store.SetAgencyDetails("nowhere", new AgencyDetails()));
    }

    [Fact]
    public void NumbersContinueInANewStoreOnTheSameFileAndRestartEachYear()
    {
        var path = Path.Combine(_folder, "soc.db");
        var agency = new AgencyProfile { Id = "so-tttt", Name = "Sở", DocumentCode = "STTTT" };
        var other = new AgencyProfile { Id = "xa-a", Name = "Xã A" };
        var at = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
        var use = new ReportNumberUse("tt20-2017/mau-03", 7, "an");
        using (var store = new SqliteStore(path))
        {
            Assert.Equal("01/BC-STTTT", new StoreReportNumberSource(store, use).Issue(agency, "BC", at).Text);
            Assert.Equal("02/BC-STTTT", new StoreReportNumberSource(store, use).Issue(agency, "BC", at).Text);
        }

        SqliteConnection.ClearAllPools();
        using (var store = new SqliteStore(path))
        {
            Assert.Equal("03/BC-STTTT", store.IssueReportNumber(agency, "BC", at, use).Text);
            Assert.Equal("01/BC-XA-A", store.IssueReportNumber(other, "BC", at, use).Text);
            // 31/12/2026 17:30 UTC is 2027 in Vietnam.
            Assert.Equal("01/BC-STTTT", store.IssueReportNumber(agency, "BC", new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero), use).Text);
            var issued = store.ListReportNumbers(7, "tt20-2017/mau-03");
            Assert.Equal(5, issued.Count);
            Assert.All(issued, n => Assert.Equal("an", n.IssuedBy));
        }
    }
}
