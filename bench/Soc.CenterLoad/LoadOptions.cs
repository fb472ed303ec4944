using System.Globalization;

namespace Soc.CenterLoad;

/// <summary>Command-line settings of the load harness (see Program.cs for the meaning of each).</summary>
internal sealed class LoadOptions
{
    public string Soc { get; set; } = "src/Soc.Console/bin/Release/net10.0/soc.dll";

    public List<string> Rules { get; } = [];

    public int Records { get; set; } = 500_000;

    public int BatchSize { get; set; } = 2_000;

    public int Senders { get; set; } = 4;

    public int Agencies { get; set; } = 4;

    /// <summary>Share of records that raise an alert (sshd root login failures from many addresses).</summary>
    public double AlertRatio { get; set; } = 0.05;

    public int QueryRounds { get; set; } = 200;

    public string? DataDir { get; set; }

    public string Corpus { get; set; } = "../shared/corpus/logs/loghub";

    /// <summary>Re-stamp the corpus lines with rising times near now, as live logs arrive (Batches.Build).</summary>
    public bool LiveTimes { get; set; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--soc": o.Soc = Next(); break;
                case "--rules": o.Rules.Add(Next()); break;
                case "--records": o.Records = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--batch": o.BatchSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--senders": o.Senders = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--agencies": o.Agencies = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--alert-ratio": o.AlertRatio = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--query-rounds": o.QueryRounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--data-dir": o.DataDir = Next(); break;
                case "--corpus": o.Corpus = Next(); break;
                case "--live-times": o.LiveTimes = true; break;
                default: throw new ArgumentException("unknown option " + args[i]);
            }
        }

        return o;
    }
}
