using System.CommandLine;
using Soc.Console.Hosting;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Cli;

/// <summary>
/// <c>soc agency list | rotate-key | revoke-key | retention</c>: the ingest-key life cycle and retention
/// beside <c>agency add</c>. Keys are stored hashed, so a key is shown once, when it is made. Every
/// change is audited (<see cref="CliAudit"/>); <c>list</c> only reads and is not.
/// </summary>
public static class AgencyCommands
{
    public static void AddTo(Command agency, Option<string> dataDir)
    {
        ArgumentNullException.ThrowIfNull(agency);
        agency.Subcommands.Add(List(dataDir));
        agency.Subcommands.Add(Rotate(dataDir));
        agency.Subcommands.Add(Revoke(dataDir));
        agency.Subcommands.Add(Retention(dataDir));
    }

    private static Command List(Option<string> dataDir)
    {
        var list = new Command("list", "List agencies: id, parent, retention, active ingest keys, name.");
        list.SetAction(parse =>
        {
            using var store = Open(parse, dataDir);
            var keys = store.ListIngestKeys();
            System.Console.WriteLine("ID\tPARENT\tRETENTION\tKEYS\tNAME");
            foreach (var a in store.ListAgencies())
            {
                var active = keys.Count(k => k.AgencyId == a.Id && k.Revoked is null);
                System.Console.WriteLine($"{a.Id}\t{a.ParentId ?? "-"}\t{a.RetentionMonths} months\t{active}\t{a.Name}");
            }

            return 0;
        });
        return list;
    }

    private static Command Rotate(Option<string> dataDir)
    {
        var rotate = new Command("rotate-key", "Revoke the agency's keys and print a new one (shown once); update the collector's config with it.");
        var id = new Argument<string>("id");
        rotate.Arguments.Add(id);
        rotate.SetAction(parse =>
        {
            using var store = Open(parse, dataDir);
            if (store.FindAgency(parse.GetValue(id)!) is null)
            {
                System.Console.Error.WriteLine($"error: agency '{parse.GetValue(id)}' does not exist");
                return 1;
            }

            System.Console.WriteLine(store.RotateIngestKey(parse.GetValue(id)!));
            CliAudit.Append(store, "agency.key.rotate", $"agency:{parse.GetValue(id)}", "new ingest key issued, older keys revoked");
            return 0;
        });
        return rotate;
    }

    private static Command Revoke(Option<string> dataDir)
    {
        var revoke = new Command("revoke-key", "Revoke every ingest key of the agency; its collectors get 401 until given a new key.");
        var id = new Argument<string>("id");
        revoke.Arguments.Add(id);
        revoke.SetAction(parse =>
        {
            using var store = Open(parse, dataDir);
            if (store.FindAgency(parse.GetValue(id)!) is null)
            {
                System.Console.Error.WriteLine($"error: agency '{parse.GetValue(id)}' does not exist");
                return 1;
            }

            var revoked = store.RevokeIngestKeys(parse.GetValue(id)!);
            System.Console.WriteLine($"revoked {revoked} key(s)");
            CliAudit.Append(store, "agency.key.revoke", $"agency:{parse.GetValue(id)}", $"{revoked} ingest key(s) revoked");
            return 0;
        });
        return revoke;
    }

    private static Command Retention(Option<string> dataDir)
    {
        var retention = new Command("retention", "Set how long the agency's events are kept: 1, 3, 6 or 12 months (by the security level of its systems).");
        var id = new Argument<string>("id");
        var months = new Argument<int>("months");
        months.AcceptOnlyFromAmong("1", "3", "6", "12");
        retention.Arguments.Add(id);
        retention.Arguments.Add(months);
        retention.SetAction(parse =>
        {
            using var store = Open(parse, dataDir);
            var before = store.FindAgency(parse.GetValue(id)!)?.RetentionMonths;
            if (store.SetRetention(parse.GetValue(id)!, parse.GetValue(months)) == 0)
            {
                System.Console.Error.WriteLine($"error: agency '{parse.GetValue(id)}' does not exist");
                return 1;
            }

            CliAudit.Append(store, "agency.retention", $"agency:{parse.GetValue(id)}", $"retention {before} -> {parse.GetValue(months)} months");
            return 0;
        });
        return retention;
    }

    private static SqliteStore Open(ParseResult parse, Option<string> dataDir) =>
        new(new CenterOptions { DataDir = parse.GetValue(dataDir)! }.DatabasePath);
}
