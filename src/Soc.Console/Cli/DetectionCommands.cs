using System.CommandLine;
using Soc.Detection.Engine;

namespace Soc.Console.Cli;

/// <summary>
/// <c>soc rules check …</c> and <c>soc scan …</c>: offline rule validation and log hunting. The argument
/// handling lives with the engine (Soc.Detection's RuleCheckCommand and ScanCommand), so the tokens
/// are passed through unchanged.
/// </summary>
public static class DetectionCommands
{
    public static Command Rules()
    {
        var rules = new Command("rules", "Work with Sigma rules.");
        var check = new Command("check", "Load and compile rules; print each failure and 'loaded N of M rules'. [--mapping file] [--verbose] <dir|file>...")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        check.SetAction(parse => RuleCheckCommand.Run(parse.UnmatchedTokens, System.Console.Out, System.Console.Error));
        rules.Subcommands.Add(check);
        return rules;
    }

    public static Command Scan()
    {
        var scan = new Command("scan", "Evaluate log files offline: --rules <dir>... [--format auto|jsonl|syslog|nginx|apache] [--mapping file] <file>...")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        scan.SetAction(parse => ScanCommand.Run(parse.UnmatchedTokens, System.Console.Out, System.Console.Error));
        return scan;
    }
}
