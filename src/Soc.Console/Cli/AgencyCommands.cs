using System.CommandLine;
using Soc.Console.Exports.Center;
using Soc.Console.Hosting;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Cli;

/// <summary>
/// <c>soc agency list | rotate-key | revoke-key | retention | profile</c>: the ingest-key life cycle and retention
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
        agency.Subcommands.Add(Profile(dataDir));
    }

    /// <summary>
    /// <c>soc agency profile &lt;id&gt; [--address …] [--phone …] …</c>: the fields the national forms print.
    /// Without options it prints the profile; an empty value ("") clears a field. Changes are audited with before and after.
    /// </summary>
    private static Command Profile(Option<string> dataDir)
    {
        var profile = new Command("profile", "Show or set the agency's report profile (address, phone, e-mail, document code, contact person…) printed on the national forms.");
        var id = new Argument<string>("id");
        profile.Arguments.Add(id);
        var options = AgencyDetails.FieldNames.Select(name => (Name: name, Option: new Option<string?>("--" + name) { Description = ProfileHelp(name) })).ToList();
        foreach (var (_, option) in options)
        {
            profile.Options.Add(option);
        }

        profile.SetAction(parse =>
        {
            using var store = Open(parse, dataDir);
            var agencyId = parse.GetValue(id)!;
            if (store.GetAgencyDetails(agencyId) is not { } before)
            {
                System.Console.Error.WriteLine($"error: agency '{agencyId}' does not exist");
                return 1;
            }

            var after = before;
            foreach (var (name, option) in options)
            {
                if (parse.GetResult(option) is not null)
                {
                    after = after.With(name, parse.GetValue(option));
                }
            }

            var diff = before.Diff(after);
            if (diff.Length > 0)
            {
                store.SetAgencyDetails(agencyId, after);
                CliAudit.Append(store, "agency.profile", $"agency:{agencyId}", diff);
            }

            foreach (var name in AgencyDetails.FieldNames)
            {
                System.Console.WriteLine($"{name}\t{after.Get(name) ?? "-"}");
            }

            return 0;
        });
        return profile;
    }

    private static string ProfileHelp(string name) => name switch
    {
        "address" => "Address (Mẫu 03/04 A2, Mẫu 05 header)",
        "phone" => "Phone (A3)",
        "email" => "E-mail (A4)",
        "document-code" => "Code in report numbers, e.g. STTTT in 07/BC-STTTT",
        "network-member-code" => "Incident-response network member code (Mẫu 05)",
        "locality" => "Place name of the dateline, e.g. An Giang",
        "contact-name" => "Contact person (Mẫu 03 B1)",
        "contact-position" => "Contact's position (B2)",
        "contact-phone" => "Contact's phone (B3)",
        _ => "Contact's e-mail (B4)",
    };

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
