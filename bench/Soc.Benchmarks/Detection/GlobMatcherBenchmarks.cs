using BenchmarkDotNet.Attributes;
using Soc.Detection.Matching;

namespace Soc.Benchmarks.Detection;

/// <summary>
/// The keyword globs of SigmaHQ's lnx_shell_susp_commands rule (<c>'*wget *; chmod +x*'</c> and the like: inner
/// wildcards, so a <see cref="GlobMatcher"/> each) over loghub Linux and OpenSSH lines, as the center runs them on
/// every Linux message. Mean per line, all globs, case-insensitive as Sigma matches.
/// </summary>
[MemoryDiagnoser]
public class GlobMatcherBenchmarks
{
    private static readonly string[] LogFiles = ["Linux/Linux_2k.log", "OpenSSH/OpenSSH_2k.log"];

    private GlobMatcher[] _globs = [];
    private string[] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Path.GetDirectoryName(BenchCorpus.SigmaFolder())!;
        var rule = Path.Combine(BenchCorpus.SigmaFolder(), "rules", "linux", "builtin", "lnx_shell_susp_commands.yml");
        // The rule's keyword list: "- '<value>'" lines; those with an inner wildcard are what compiles to globs.
        _globs = [.. File.ReadLines(rule)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("- '", StringComparison.Ordinal) && l.EndsWith('\''))
            .Select(l => SigmaPattern.Parse(l[3..^1]))
            .Where(p => p.AsSpan(1, Math.Max(0, p.Length - 2)).Contains(SigmaPattern.Star))
            .Select(p => new GlobMatcher(p, ignoreCase: true))];
        _lines = [.. LogFiles.SelectMany(f => File.ReadLines(Path.Combine(corpus, "logs", "loghub", f)))];
        if (_globs.Length < 5 || _lines.Length < 1_000)
        {
            throw new InvalidOperationException($"corpus not as expected: {_globs.Length} globs, {_lines.Length} lines");
        }
    }

    [Benchmark(OperationsPerInvoke = 4_000)]
    public int AllGlobsPerLine()
    {
        var matches = 0;
        for (var i = 0; i < 4_000; i++)
        {
            var line = _lines[i % _lines.Length].AsSpan();
            foreach (var glob in _globs)
            {
                matches += glob.Match(line) ? 1 : 0;
            }
        }

        return matches;
    }
}
