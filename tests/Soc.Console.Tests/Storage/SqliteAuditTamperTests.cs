using Microsoft.Data.Sqlite;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Storage;

/// <summary>The SQLite audit table refuses edits, and the hash chain catches an edit made behind the application's back.</summary>
public sealed class SqliteAuditTamperTests
{
    [Fact]
    public async Task RefusesToUpdateTheAuditTable()
    {
        using var t = StoreKinds.Create("sqlite");
        await t.Store.AppendAuditAsync(new AuditRecord("admin", "user.add", "user:lan", null, Events.Base), CancellationToken.None);

        using var c = t.Sqlite.Open();
        using var update = c.CreateCommand();
        update.CommandText = "UPDATE audit SET actor = 'mallory'";
        Assert.Throws<SqliteException>(() => update.ExecuteNonQuery());
    }

    [Fact]
    public async Task VerifyNamesTheFirstEntryThatWasEditedByHand()
    {
        using var t = StoreKinds.Create("sqlite");
        for (var i = 0; i < 3; i++)
        {
            await t.Store.AppendAuditAsync(new AuditRecord("lan", "incident.note", "incident:1", "note " + i, Events.Base.AddSeconds(i)), CancellationToken.None);
        }

        using (var c = t.Sqlite.Open())
        using (var tamper = c.CreateCommand())
        {
            tamper.CommandText = "DROP TRIGGER audit_no_update; UPDATE audit SET details = 'nothing happened' WHERE seq = 2;";
            tamper.ExecuteNonQuery();
        }

        var verdict = await t.Store.VerifyAuditAsync(CancellationToken.None);
        Assert.False(verdict.Intact);
        Assert.Equal(2, verdict.FirstBrokenSequence);
    }
}
