using System.Globalization;

namespace Soc.Collector.Configuration;

/// <summary>
/// Whether this process ignores SIGHUP, the reload signal. A process started under <c>nohup</c> (or by a
/// parent that ignores it) inherits the ignore, and .NET then never delivers the signal: a reload would do
/// nothing and say nothing, so the collector says so at start instead.
/// </summary>
public static class HangupSignal
{
    /// <summary>True when /proc says SIGHUP is ignored; false when it is not, or when /proc cannot tell.</summary>
    public static bool IsIgnored(string statusPath = "/proc/self/status")
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                // "SigIgn:\t0000000000001007": a hex mask of ignored signals, bit 0 is signal 1, SIGHUP.
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                {
                    return ulong.TryParse(line.AsSpan(7).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask) && (mask & 1) != 0;
                }
            }
        }
        catch (IOException)
        {
            // No /proc (not Linux, a restricted container): nothing to warn about that we can know.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: unreadable, so unknown.
        }

        return false;
    }
}
