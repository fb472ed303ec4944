using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Soc.CenterLoad;

/// <summary>
/// Realistic ingest bodies, built before the clock starts: loghub Linux/OpenSSH/Apache lines as
/// collectors read them, plus sshd root-login failures from many addresses (which the project's rule
/// turns into alerts), as gzip JSON lines (docs/specs/wire.md).
/// </summary>
internal static class Batches
{
    public static List<string> LoadCorpus(string folder)
    {
        var lines = new List<string>();
        foreach (var name in (string[])["Linux/Linux_2k.log", "OpenSSH/OpenSSH_2k.log", "Apache/Apache_2k.log"])
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                lines.AddRange(File.ReadLines(path).Where(l => l.Length > 0));
            }
        }

        return lines.Count > 0 ? lines : ["Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186"];
    }

    /// <summary>
    /// One gzip body of <paramref name="count"/> records. With <paramref name="live"/> every line is
    /// re-stamped with <paramref name="localTime"/> plus <paramref name="spacing"/> per record, as a collector
    /// tailing live logs sends them (times near now, rising); without it the loghub lines keep their own
    /// times (2005 and 2025 dates, mixed: a backfill of old logs, which scatters every time-ordered index).
    /// </summary>
    public static byte[] Build(string prefix, int count, IReadOnlyList<string> corpus, double alertRatio, Random random, DateTimeOffset localTime, bool live = false, TimeSpan spacing = default)
    {
        var sb = new StringBuilder(count * 220);
        var received = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var time = live ? localTime + (spacing * i) : localTime;
            var stamp = time.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture);
            string message, type;
            if (random.NextDouble() < alertRatio)
            {
                var ip = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
                message = $"<38>{stamp} web{random.Next(20):00} sshd[{random.Next(1000, 9999)}]: Failed password for root from {ip} port {random.Next(1024, 65535)} ssh2";
                type = "syslog";
            }
            else
            {
                message = corpus[random.Next(corpus.Count)];
                type = message.StartsWith('[') ? "apache_error" : "syslog";
                if (live)
                {
                    message = Restamp(message, time);
                }
            }

            sb.Append(JsonSerializer.Serialize(new
            {
                id = $"{prefix}-{i}",
                type,
                host = "web" + (i % 20).ToString("00", CultureInfo.InvariantCulture),
                source = "/var/log/auth.log",
                received,
                tz = "Asia/Ho_Chi_Minh",
                message,
            })).Append('\n');
        }

        return Gzip(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    // "Jun 14 15:16:01 host …" (syslog) or "[Sun Dec 04 04:47:44 2005] …" (Apache error log).
    private static string Restamp(string line, DateTimeOffset time)
    {
        if (line.StartsWith('[') && line.IndexOf(']', StringComparison.Ordinal) is var end and > 0)
        {
            return "[" + time.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture) + line[end..];
        }

        return line.Length > 15 && line[15] == ' ' ? time.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture) + line[15..] : line;
    }

    private static byte[] Gzip(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return buffer.ToArray();
    }
}
