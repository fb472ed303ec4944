using System.IO.Enumeration;

namespace Soc.Collector.Inputs.Files;

/// <summary>
/// An absolute path pattern with <c>*</c> and <c>?</c> in any segment, e.g. <c>/var/log/nginx/*.log</c> or
/// <c>/srv/*/logs/app.log*</c>. Wildcards do not cross <c>/</c>. Runs once per poll, so clarity beats allocation here.
/// </summary>
internal sealed class GlobPattern
{
    private readonly string[] _segments;

    public GlobPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (!pattern.StartsWith('/'))
        {
            throw new ArgumentException($"pattern '{pattern}' is not an absolute path", nameof(pattern));
        }

        Pattern = pattern;
        _segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    public string Pattern { get; }

    /// <summary>Existing paths that match (files and whatever else; the caller keeps regular files).</summary>
    public IEnumerable<string> Expand() => Expand("/", 0);

    public bool IsMatch(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!FileSystemName.MatchesSimpleExpression(_segments[i], parts[i], ignoreCase: false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWildcard(string segment) => segment.AsSpan().IndexOfAny('*', '?') >= 0;

    private IEnumerable<string> Expand(string directory, int index)
    {
        var segment = _segments[index];
        var last = index == _segments.Length - 1;
        IEnumerable<string> candidates;
        if (!HasWildcard(segment))
        {
            candidates = [Path.Combine(directory, segment)];
        }
        else
        {
            try
            {
                candidates = Directory.EnumerateFileSystemEntries(directory)
                    .Where(p => FileSystemName.MatchesSimpleExpression(segment, Path.GetFileName(p.AsSpan()), ignoreCase: false))
                    .ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                yield break;
            }
        }

        foreach (var candidate in candidates)
        {
            if (last)
            {
                if (File.Exists(candidate))
                {
                    yield return candidate;
                }
            }
            else if (Directory.Exists(candidate))
            {
                foreach (var path in Expand(candidate, index + 1))
                {
                    yield return path;
                }
            }
        }
    }
}
