using System.CommandLine;
using Soc.Console.Hosting;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Cli;

/// <summary>
/// The <c>soc</c> command surface (docs/cli.md): <c>serve</c> (the default) and the offline
/// administration commands, all working against the data folder given by <c>--data-dir</c>.
/// </summary>
public static class CenterCommands
{
    public static RootCommand Build()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Data folder (SQLite store and state)", DefaultValueFactory = _ => "data", Recursive = true };
        var root = new RootCommand("Soc — the provincial SOC center: ingest, detection, incidents, console.");
        root.Options.Add(dataDir);

        var serve = ServeCommand(dataDir);
        root.Subcommands.Add(serve);
        // `soc` alone serves, with serve's options.
        foreach (var option in serve.Options)
        {
            root.Options.Add(option);
        }

        root.SetAction((parse, token) => RunServeAsync(parse, serve, dataDir, token));
        root.Subcommands.Add(AgencyCommand(dataDir));
        root.Subcommands.Add(UserCommand(dataDir));
        root.Subcommands.Add(TokenCommand(dataDir));
        root.Subcommands.Add(DetectionCommands.Rules());
        root.Subcommands.Add(DetectionCommands.Scan());
        root.Subcommands.Add(DetectionCommands.Eval());
        root.Subcommands.Add(ReportCommands.Build(dataDir));
        root.Subcommands.Add(AuditCommands.Build(dataDir));
        return root;
    }

    private static Command ServeCommand(Option<string> dataDir)
    {
        var serve = new Command("serve", "Run the center: ingest API, detection, console (the default command).");
        serve.Options.Add(new Option<string>("--urls") { Description = "Listen URL(s)", DefaultValueFactory = _ => CenterOptions.DefaultUrl });
        serve.Options.Add(new Option<string[]>("--rules") { Description = "Rule files or folders (default: ./rules)", AllowMultipleArgumentsPerToken = true });
        serve.Options.Add(new Option<bool>("--demo") { Description = "Feed sample logs through the pipeline so incidents appear at once" });
        serve.SetAction((parse, token) => RunServeAsync(parse, serve, dataDir, token));
        return serve;
    }

    private static async Task<int> RunServeAsync(ParseResult parse, Command serve, Option<string> dataDir, CancellationToken token)
    {
        T? Value<T>(string name) => parse.GetValue<T>((Option<T>)serve.Options.First(o => o.Name == name));
        var options = new CenterOptions
        {
            DataDir = parse.GetValue(dataDir)!,
            Urls = Value<string>("--urls") ?? CenterOptions.DefaultUrl,
            RulePaths = [.. Value<string[]>("--rules") ?? []],
            Demo = Value<bool>("--demo"),
        };
        var app = CenterHost.Build(options);
        FirstRun.EnsureAdmin(app.Services.GetRequiredService<SqliteStore>(), System.Console.Out, options.Urls);
        await app.RunAsync(token).ConfigureAwait(false);
        return 0;
    }

    private static Command AgencyCommand(Option<string> dataDir)
    {
        var agency = new Command("agency", "Manage agencies and their ingest keys.");
        var add = new Command("add", "Add an agency and print its ingest key (shown once).");
        var id = new Argument<string>("id") { Description = "Short id, e.g. so-tttt or xa-an-phu" };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var parent = new Option<string?>("--parent") { Description = "Parent agency id" };
        add.Arguments.Add(id);
        add.Options.Add(name);
        add.Options.Add(parent);
        add.SetAction(parse =>
        {
            using var store = new SqliteStore(DatabasePath(parse, dataDir));
            var parentId = parse.GetValue(parent);
            if (parentId is not null && store.FindAgency(parentId) is null)
            {
                System.Console.Error.WriteLine($"error: parent agency '{parentId}' does not exist");
                return 1;
            }

            if (store.FindAgency(parse.GetValue(id)!) is not null)
            {
                System.Console.Error.WriteLine($"error: agency '{parse.GetValue(id)}' already exists");
                return 1;
            }

            System.Console.WriteLine(store.AddAgency(parse.GetValue(id)!, parse.GetValue(name)!, parentId));
            CliAudit.Append(store, "agency.add", $"agency:{parse.GetValue(id)}", $"{parse.GetValue(name)}, parent {parentId ?? "-"}, ingest key issued");
            return 0;
        });
        agency.Subcommands.Add(add);
        AgencyCommands.AddTo(agency, dataDir);
        return agency;
    }

    private static Command UserCommand(Option<string> dataDir)
    {
        var user = new Command("user", "Manage console users.");
        var add = new Command("add", "Add a user; prints a generated password unless --password is given.");
        var name = new Argument<string>("name");
        var role = new Option<string>("--role") { Description = "admin | analyst | auditor | agency-viewer", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var agency = new Option<string?>("--agency") { Description = "Agency the user belongs to (required for agency-viewer)" };
        var password = new Option<string?>("--password") { Description = "Password (default: generate and print one)" };
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(agency);
        add.Options.Add(password);
        add.SetAction(parse =>
        {
            using var store = new SqliteStore(DatabasePath(parse, dataDir));
            var agencyId = parse.GetValue(agency);
            if (parse.GetValue(role) == Roles.AgencyViewer && agencyId is null)
            {
                System.Console.Error.WriteLine("error: an agency-viewer needs --agency");
                return 1;
            }

            if (agencyId is not null && store.FindAgency(agencyId) is null)
            {
                System.Console.Error.WriteLine($"error: agency '{agencyId}' does not exist");
                return 1;
            }

            if (store.FindUser(parse.GetValue(name)!) is not null)
            {
                System.Console.Error.WriteLine($"error: user '{parse.GetValue(name)}' already exists");
                return 1;
            }

            var secret = parse.GetValue(password) ?? Secrets.CreatePassword();
            store.AddUser(parse.GetValue(name)!, parse.GetValue(role)!, agencyId, PasswordHashing.Hash(parse.GetValue(name)!, secret));
            CliAudit.Append(store, "user.add", $"user:{parse.GetValue(name)}", $"role {parse.GetValue(role)}, agency {agencyId ?? "-"}, password {(parse.GetValue(password) is null ? "generated" : "given")}");
            if (parse.GetValue(password) is null)
            {
                System.Console.WriteLine(secret);
            }

            return 0;
        });
        user.Subcommands.Add(add);
        return user;
    }

    private static Command TokenCommand(Option<string> dataDir)
    {
        var token = new Command("token", "Manage API tokens.");
        var create = new Command("create", "Create an API token for a user and print it (shown once).");
        var user = new Option<string>("--user") { Required = true };
        create.Options.Add(user);
        create.SetAction(parse =>
        {
            using var store = new SqliteStore(DatabasePath(parse, dataDir));
            if (store.FindUser(parse.GetValue(user)!) is null)
            {
                System.Console.Error.WriteLine($"error: user '{parse.GetValue(user)}' does not exist");
                return 1;
            }

            System.Console.WriteLine(store.CreateToken(parse.GetValue(user)!));
            CliAudit.Append(store, "token.create", $"user:{parse.GetValue(user)}", "API token issued");
            return 0;
        });
        token.Subcommands.Add(create);
        return token;
    }

    private static string DatabasePath(ParseResult parse, Option<string> dataDir) =>
        new CenterOptions { DataDir = parse.GetValue(dataDir)! }.DatabasePath;
}
