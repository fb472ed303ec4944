using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Soc.Console.Exports.Bundles;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Exports.Forms;
using Soc.Console.Exports.Incident;
using Soc.Console.Exports.Model;
using Soc.Console.Exports.Numbering;
using Soc.Console.Exports.Periodic;
using Soc.Console.Hosting;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Cli;

/// <summary>
/// <c>soc report …</c>: offline exports from the JSON model (docs/reports.md), for auditors and for
/// scripting before the center serves them over HTTP. Exit codes as elsewhere: 0 ok, 1 refused or invalid, 2 usage.
/// </summary>
public static class ReportCommands
{
    public static Command Build(Option<string> dataDir)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        var report = new Command("report", "Render incident reports, national forms and periodic reports; build and verify signed bundles.");
        report.Subcommands.Add(Render());
        report.Subcommands.Add(Form(dataDir));
        report.Subcommands.Add(Periodic());
        report.Subcommands.Add(Bundle(dataDir));
        report.Subcommands.Add(Verify(dataDir));
        report.Subcommands.Add(Deadlines());
        return report;
    }

    private static Command Render()
    {
        var command = new Command("render", "Render one incident report from its JSON model (or a JSON export).");
        var input = InputOption("Incident JSON (IncidentReportData, or a report exported as JSON)");
        var format = FormatOption("pdf", "docx", "json", "csv");
        var output = OutOption();
        var by = ByOption();
        command.Options.Add(input);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(by);
        command.SetAction(parse => Run(() =>
        {
            var data = ReadIncident(parse.GetValue(input)!);
            var context = ExportContext.Now(parse.GetValue(by)!);
            using var file = File.Create(parse.GetValue(output)!);
            switch (parse.GetValue(format))
            {
                case "pdf": IncidentPdfExporter.Write(data, context, file); break;
                case "docx": IncidentDocxExporter.Write(data, context, file); break;
                case "json": IncidentJsonExporter.Write(data, context, file); break;
                default: IncidentCsvExporter.Write(data, file); break;
            }

            return 0;
        }));
        return command;
    }

    private static Command Form(Option<string> dataDir)
    {
        var command = new Command("form", "Fill a national form (e.g. tt20-2017/mau-03) and write it as DOCX or PDF.");
        var form = new Option<string>("--form") { Description = "Template id: tt20-2017/mau-03, tt20-2017/mau-04, tt20-2017/mau-05", Required = true };
        var input = new Option<string?>("--input") { Description = "Incident JSON (forms about one incident)" };
        var period = new Option<string?>("--period") { Description = "Period JSON (PeriodicReportData, for Mẫu 05)" };
        var format = FormatOption("docx", "pdf");
        var output = OutOption();
        var set = new Option<string[]>("--set") { Description = "Override a field: CODE=value (repeatable; \\n for a new line)", AllowMultipleArgumentsPerToken = true };
        var initialNumber = new Option<string?>("--initial-number") { Description = "Mẫu 04: number of the initial report" };
        var initialDate = new Option<DateTimeOffset?>("--initial-date") { Description = "Mẫu 04: date of the initial report (ISO 8601)" };
        var draft = new Option<bool>("--draft") { Description = "Do not take a report number (prints a blank number)" };
        var by = ByOption();
        foreach (var option in new Option[] { form, input, period, format, output, set, initialNumber, initialDate, draft, by })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(() =>
        {
            var template = FormTemplateLibrary.Load().Get(parse.GetValue(form)!);
            var context = ExportContext.Now(parse.GetValue(by)!);
            FormSources sources;
            AgencyProfile agency;
            string? incidentKey = null;
            if (parse.GetValue(period) is { } periodPath)
            {
                var data = ReadJson<PeriodicReportData>(periodPath);
                (sources, agency) = (FormSources.FromPeriod(data), data.Agency);
            }
            else if (parse.GetValue(input) is { } incidentPath)
            {
                var data = ReadIncident(incidentPath);
                incidentKey = data.Id;
                var reference = parse.GetValue(initialNumber) is { } number
                    ? new InitialReportReference(number, parse.GetValue(initialDate) ?? context.GeneratedAt)
                    : IssuedInitialReport(parse.GetValue(dataDir)!, data.Id, template);
                (sources, agency) = (FormSources.FromIncident(data, context.GeneratedAt, reference), data.Agency);
            }
            else
            {
                System.Console.Error.WriteLine("error: give --input (incident) or --period (Mẫu 05)");
                return 2;
            }

            // Numbers come from the center's store (<data-dir>/soc.db), the same sequence the console issues from.
            using var store = new SqliteStore(new CenterOptions { DataDir = parse.GetValue(dataDir)! }.DatabasePath);
            long? incidentId = long.TryParse(incidentKey, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : null;
            var numberText = parse.GetValue(draft)
                ? null
                : new StoreReportNumberSource(store, new ReportNumberUse(template.Id, incidentId, CliAudit.Actor)).Issue(agency, template.NumberSeries, context.GeneratedAt).Text;
            var document = FormFiller.Fill(template, sources, agency, context.GeneratedAt, numberText);
            foreach (var assignment in parse.GetValue(set) ?? [])
            {
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    System.Console.Error.WriteLine($"error: --set expects CODE=value, got '{assignment}'");
                    return 2;
                }

                document = document.With(assignment[..equals], assignment[(equals + 1)..].Replace("\\n", "\n", StringComparison.Ordinal));
            }

            using (var file = File.Create(parse.GetValue(output)!))
            {
                if (parse.GetValue(format) == "pdf")
                {
                    FormPdfExporter.Write(document, context, file);
                }
                else
                {
                    FormDocxExporter.Write(document, context, file);
                }
            }

            System.Console.WriteLine(numberText is null ? "draft (no number)" : "number: " + numberText);
            foreach (var code in document.MissingRequired())
            {
                System.Console.Error.WriteLine($"warning: mandatory field {code} is empty");
            }

            return 0;
        }));
        return command;
    }

    private static Command Periodic()
    {
        var command = new Command("periodic", "Render the periodic management report from a period JSON (PeriodicReportData).");
        var input = InputOption("Period JSON");
        var format = FormatOption("pdf", "docx", "json");
        var output = OutOption();
        var by = ByOption();
        command.Options.Add(input);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(by);
        command.SetAction(parse => Run(() =>
        {
            var data = ReadJson<PeriodicReportData>(parse.GetValue(input)!);
            var context = ExportContext.Now(parse.GetValue(by)!);
            using var file = File.Create(parse.GetValue(output)!);
            switch (parse.GetValue(format))
            {
                case "json": PeriodicJsonExporter.Write(data, context, file); break;
                case "docx": PeriodicDocxExporter.Write(data, context, file); break;
                default: PeriodicPdfExporter.Write(data, context, file); break;
            }

            return 0;
        }));
        return command;
    }

    private static Command Bundle(Option<string> dataDir)
    {
        var command = new Command("bundle", "Build a signed audit bundle for one incident (reports, evidence, audit slice, manifest, CMS signature).");
        var input = InputOption("Incident JSON");
        var evidence = new Option<string[]>("--evidence") { Description = "Evidence files, named as in the incident's evidence list", AllowMultipleArgumentsPerToken = true };
        var audit = new Option<string?>("--audit") { Description = "Audit-trail slice JSON (AuditTrailSlice)" };
        var reports = new Option<string[]>("--report") { Description = "Extra report files to include (e.g. filled forms)", AllowMultipleArgumentsPerToken = true };
        var certificate = new Option<string?>("--cert") { Description = "PKCS#12 signing certificate (default: <data-dir>/keys/report-signing.pfx, created on first use)" };
        var password = new Option<string?>("--cert-password") { Description = "Password of --cert" };
        var output = OutOption();
        var by = ByOption();
        foreach (var option in new Option[] { input, evidence, audit, reports, certificate, password, output, by })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(() =>
        {
            var data = ReadIncident(parse.GetValue(input)!);
            var evidenceFiles = (parse.GetValue(evidence) ?? []).Select(p => new BundleFile(Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
            var extra = (parse.GetValue(reports) ?? []).Select(p => new BundleFile(Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
            var slice = parse.GetValue(audit) is { } auditPath ? ReadJson<Exports.Audit.AuditTrailSlice>(auditPath) : null;
            using var signer = SigningCertificates.LoadOrCreate(parse.GetValue(dataDir)!, parse.GetValue(certificate), parse.GetValue(password));
            using var file = File.Create(parse.GetValue(output)!);
            var manifest = IncidentBundle.Write(data, evidenceFiles, slice, extra, signer, ExportContext.Now(parse.GetValue(by)!), file);
            System.Console.WriteLine($"bundle {manifest.BundleId}: {manifest.Files.Count} files, signed by {signer.Subject} ({signer.Thumbprint})");
            return 0;
        }));
        return command;
    }

    private static Command Verify(Option<string> dataDir)
    {
        var command = new Command("verify", "Verify a bundle: signature, every file's SHA-256, nothing added or missing, the audit hash chain.");
        var bundle = new Argument<string>("bundle") { Description = "The bundle ZIP" };
        var trust = new Option<string[]>("--trust") { Description = "Trusted signer certificate(s), DER or PEM (default: <data-dir>/keys/report-signing.cer if present)", AllowMultipleArgumentsPerToken = true };
        command.Arguments.Add(bundle);
        command.Options.Add(trust);
        command.SetAction(parse => Run(() =>
        {
            var trustPaths = parse.GetValue(trust) is { Length: > 0 } given ? given : DefaultTrust(parse.GetValue(dataDir)!);
            var trusted = new X509Certificate2Collection();
            foreach (var path in trustPaths)
            {
                trusted.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }

            using var file = File.OpenRead(parse.GetValue(bundle)!);
            var result = AuditBundleVerifier.Verify(file, trusted.Count > 0 ? trusted : null);
            System.Console.WriteLine($"signer: {result.SignerSubject ?? "?"} ({result.SignerThumbprint ?? "?"}), signed {(result.SignedAt is { } at ? ReportClock.Both(at) : "?")}");
            System.Console.WriteLine(trusted.Count == 0 ? "signer: NOT checked against a trusted certificate (give --trust)" : result.SignerTrusted ? "signer: trusted" : "signer: NOT trusted");
            System.Console.WriteLine($"files checked: {result.FilesChecked}; incidents: {string.Join(", ", result.Manifest?.IncidentIds ?? [])}");
            foreach (var failure in result.Failures)
            {
                System.Console.WriteLine("FAILED " + failure);
            }

            System.Console.WriteLine(result.Valid ? "OK: bundle intact" : $"INVALID: {result.Failures.Count} problem(s)");
            return result.Valid ? 0 : 1;
        }));
        return command;
    }

    private static Command Deadlines()
    {
        var command = new Command("deadlines", "Show an incident's reporting deadlines under the rule sets in force.");
        var input = InputOption("Incident JSON");
        var milestone = new Option<string[]>("--milestone") { Description = "NAME=ISO-8601 time a milestone was reached (e.g. initialReport=2026-11-22T15:00+07:00)", AllowMultipleArgumentsPerToken = true };
        var flags = new Option<string[]>("--flag") { Description = "Incident flag, e.g. personal-data-breach", AllowMultipleArgumentsPerToken = true };
        command.Options.Add(input);
        command.Options.Add(milestone);
        command.Options.Add(flags);
        command.SetAction(parse => Run(() =>
        {
            var data = ReadIncident(parse.GetValue(input)!);
            var milestones = (parse.GetValue(milestone) ?? []).Select(m => m.Split('=', 2))
                .ToDictionary(p => p[0], p => DateTimeOffset.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            var clock = new IncidentClock
            {
                DetectedAt = data.DetectedAt,
                ResponseEndedAt = data.ClosedAt,
                Severity = data.Severity,
                Flags = new HashSet<string>(parse.GetValue(flags) ?? [], StringComparer.Ordinal),
                Milestones = milestones,
            };
            foreach (var status in DeadlineCalculator.Evaluate(DeadlineCalculator.LoadRuleSets(), clock, DateTimeOffset.UtcNow))
            {
                var due = status.DueAt is { } at ? ReportClock.Local(at) : "—";
                System.Console.WriteLine($"{status.State,-10} {status.RuleSetId}/{status.RuleId}  due {due}  {status.Label}  [{status.LegalSource}]");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Mẫu 04 without --initial-number: the Mẫu 03 number the store issued for the same (numeric) incident id, if any.</summary>
    private static InitialReportReference? IssuedInitialReport(string dataDir, string incidentId, FormTemplate template)
    {
        if (!long.TryParse(incidentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !template.Fields.Any(f => f.Source?.StartsWith("initialReport.", StringComparison.Ordinal) == true))
        {
            return null;
        }

        using var store = new SqliteStore(new CenterOptions { DataDir = dataDir }.DatabasePath);
        var issued = store.ListReportNumbers(id, template.Id[..(template.Id.LastIndexOf('/') + 1)] + "mau-03", 1);
        return issued.Count == 0 ? null : new InitialReportReference(issued[0].Number.Text, issued[0].IssuedAt);
    }

    private static string[] DefaultTrust(string dataDir)
    {
        var path = Path.Combine(dataDir, "keys", SigningCertificates.PublicFileName);
        return File.Exists(path) ? [path] : [];
    }

    private static Option<string> InputOption(string description) => new("--input") { Description = description, Required = true };

    private static Option<string> OutOption() => new("--out") { Description = "Output file", Required = true };

    private static Option<string> ByOption() => new("--by") { Description = "Who produces the export (printed on it)", DefaultValueFactory = _ => Environment.UserName };

    private static Option<string> FormatOption(params string[] formats)
    {
        var option = new Option<string>("--format") { Description = string.Join(" | ", formats), DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static IncidentReportData ReadIncident(string path)
    {
        using var file = File.OpenRead(path);
        return IncidentJsonExporter.Read(file);
    }

    private static T ReadJson<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), ReportJson.Options) ?? throw new InvalidDataException($"{path}: empty JSON");

    /// <summary>Bad input files are refusals (exit 1) with one line on standard error, not stack traces.</summary>
    private static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or ArgumentException or KeyNotFoundException or System.Security.Cryptography.CryptographicException)
        {
            System.Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }
}
