using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// The audit head (<c>soc.db.audit-head</c>) catches what the hash chain cannot: the newest entries
/// deleted behind the application's back.
/// </summary>
public sealed class AuditHeadTests
{
    [Fact]
    public async Task VerifySaysEntriesAreMissingWhenTheNewestRowIsDeleted()
    {
        using var t = StoreKinds.Create("sqlite");
        await AppendNotesAsync(t.Store, 3);

        DeleteNewestAuditRow(t.Sqlite.DatabasePath);
        var verdict = await t.Store.VerifyAuditAsync(CancellationToken.None);

        Assert.False(verdict.Intact);
        Assert.Equal(3, verdict.FirstBrokenSequence);
        Assert.Contains("entries after 2 are missing", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUntouchedTrailVerifiesAgainstItsHead()
    {
        using var t = StoreKinds.Create("sqlite");
        await AppendNotesAsync(t.Store, 3);

        var verdict = await t.Store.VerifyAuditAsync(CancellationToken.None);

        Assert.Equal(new AuditVerification(true, 3, null, null), verdict);
        Assert.Equal(3, t.Sqlite.ReadAuditHead()!.Value.Sequence);
    }

    [Fact]
    public async Task TheHeadFollowsEntriesAppendedWithAnIncidentChange()
    {
        using var t = StoreKinds.Create("sqlite");
        var ev = Events.Event("h1", "Failed password for root", sourceIp: "203.0.113.9");
        await t.Store.AppendAsync([Events.BatchWithAlerts("a", (ev, [Events.Alert(ev)]))], new IncidentPolicy(), CancellationToken.None);
        var incident = Assert.Single(await t.Store.ListIncidentsAsync(new IncidentFilter(null), CancellationToken.None));

        await t.Store.UpdateIncidentAsync(incident.Id, incident.Version, new IncidentChange(Status: IncidentStatuses.Acknowledged, Assignee: "lan"), "lan", CancellationToken.None);
        var newest = (await t.Store.ListAuditAsync(null, 1, CancellationToken.None))[0];

        Assert.True(newest.Sequence >= 2);
        Assert.Equal((newest.Sequence, newest.Hash), t.Sqlite.ReadAuditHead());
    }

    [Fact]
    public async Task AMissingHeadFileFailsVerification()
    {
        using var t = StoreKinds.Create("sqlite");
        await AppendNotesAsync(t.Store, 2);

        File.Delete(t.Sqlite.AuditHeadPath);
        var verdict = await t.Store.VerifyAuditAsync(CancellationToken.None);

        Assert.False(verdict.Intact);
        Assert.Contains("missing", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandAndTheApiSayEntriesAreMissingAfterTheNewestRowIsDeleted()
    {
        await using var center = await CenterFixture.StartAsync();
        center.Store.AddUser("boss", Roles.Admin, null, null);
        using var admin = center.Client(center.Store.CreateToken("boss"));
        await AppendNotesAsync(center.Contract, 2);

        DeleteNewestAuditRow(center.Store.DatabasePath);
        var api = await admin.GetFromJsonAsync<AuditVerification>(new Uri("/api/v1/audit/verify", UriKind.Relative));
        var (exitCode, output, _) = await SocCommand.RunAsync("audit", "verify", "--data-dir", center.DataDir);

        Assert.NotNull(api);
        Assert.False(api.Intact);
        Assert.Contains("entries after 1 are missing", api.Reason, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
        Assert.Contains("entries after 1 are missing", output, StringComparison.Ordinal);
    }

    private static async Task AppendNotesAsync(ISocStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await store.AppendAuditAsync(new AuditRecord("lan", "incident.note", "incident:1", "note " + i, Events.Base.AddSeconds(i)), CancellationToken.None);
        }
    }

    private static void DeleteNewestAuditRow(string databasePath)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        c.Open();
        using var tamper = c.CreateCommand();
        tamper.CommandText = "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit);";
        Assert.Equal(1, tamper.ExecuteNonQuery());
    }
}
