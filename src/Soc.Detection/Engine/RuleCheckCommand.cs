using Soc.Detection.Sigma;

namespace Soc.Detection.Engine;

/// <summary>
/// <c>soc rules check [--mapping file] &lt;dir|file&gt;...</c>: loads and compiles the rules, prints each rule that
/// fails with file, line and reason, and ends with <c>loaded N of M rules</c>. Exit code 0 when every rule
/// loaded, 1 when some failed, 2 on a usage error.
/// </summary>
public static class RuleCheckCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var paths = new List<string>();
        string? mapping = null;
        var verbose = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--mapping" when i + 1 < args.Count:
                    mapping = args[++i];
                    break;
                case "--verbose" or "-v":
                    verbose = true;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        stderr.WriteLine($"unknown option {args[i]}; usage: soc rules check [--mapping file] [--verbose] <dir|file>...");
                        return 2;
                    }

                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            stderr.WriteLine("usage: soc rules check [--mapping file] [--verbose] <dir|file>...");
            return 2;
        }

        foreach (var p in paths)
        {
            if (!File.Exists(p) && !Directory.Exists(p))
            {
                stderr.WriteLine($"no such file or folder: {p}");
                return 2;
            }
        }

        var result = SigmaRuleLoader.LoadPaths(paths);
        var engine = new DetectionEngine(result.Rules, new DetectionEngineOptions { MappingFile = mapping });
        foreach (var error in result.Errors.Concat(engine.CompileErrors))
        {
            stdout.WriteLine(error.ToString());
        }

        if (verbose)
        {
            foreach (var warning in engine.Warnings)
            {
                stderr.WriteLine("warning: " + warning);
            }

            stderr.WriteLine($"{engine.RoutedRules} rules routed to Soc datasets, {engine.UnroutedRules} for log sources Soc does not produce");
        }

        var failed = result.Errors.Count + engine.CompileErrors.Count;
        stdout.WriteLine($"loaded {result.RuleDocuments - failed} of {result.RuleDocuments} rules");
        return failed == 0 ? 0 : 1;
    }
}
