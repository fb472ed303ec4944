using System.CommandLine;
using Soc.Console.Hosting;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Cli;

/// <summary><c>soc audit verify</c>: walks the audit hash chain offline; exit 0 when intact, 1 naming the first broken entry.</summary>
public static class AuditCommands
{
    public static Command Build(Option<string> dataDir)
    {
        var audit = new Command("audit", "Work with the tamper-evident audit trail.");
        var verify = new Command("verify", "Check the audit hash chain; names the first edited or missing entry.");
        verify.SetAction(async (parse, token) =>
        {
            var path = new CenterOptions { DataDir = parse.GetValue(dataDir)! }.DatabasePath;
            if (!File.Exists(path))
            {
                System.Console.Error.WriteLine($"error: no store at {path}");
                return 2;
            }

            using var store = new SqliteStore(path);
            var result = await store.VerifyAuditAsync(token).ConfigureAwait(false);
            if (result.Intact)
            {
                System.Console.WriteLine($"ok: audit trail intact, {result.Entries} entries");
                return 0;
            }

            System.Console.WriteLine($"FAILED: audit entry {result.FirstBrokenSequence}: {result.Reason}");
            return 1;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }
}
