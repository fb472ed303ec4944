using System.CommandLine;
using Soc.Detection.Engine;

namespace Soc.Console.Cli;

/// <summary>
/// <c>soc rules check …</c>, <c>soc scan …</c> and <c>soc eval …</c>: offline rule validation, log hunting and detection-quality measurement. The argument
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

    public static Command Eval()
    {
        var eval = new Command("eval", "Measure detection and false-positive rates on the labelled web-attack corpus: [--corpus dir] [--rules dir]... [--split test|train|full] [--examples N]")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        eval.SetAction(parse => Soc.Detection.Evaluation.EvaluateCommand.Run(parse.UnmatchedTokens, System.Console.Out, System.Console.Error));
        return eval;
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
