using System.Globalization;
using System.Text;

namespace Soc.Detection.Evaluation;

/// <summary>
/// Wraps labelled HTTP parameter values into realistic access-log lines. Each payload becomes four requests:
/// the value as a query parameter, URL-encoded as a browser sends it (<c>query</c>) and raw as scanners send it
/// (<c>query-raw</c>), and as a path segment, percent-encoded (<c>path</c>) and raw (<c>path-raw</c>). Lines alternate
/// between nginx and Apache combined format, each with its own escaping of quotes, backslashes and non-printable bytes.
/// Everything that is not the payload (client, time, page, parameter, status, user agent) is chosen from the line
/// number alone, so normal and attack lines share one distribution and the output is deterministic.
/// </summary>
public static class PayloadRequestBuilder
{
    /// <summary>The four ways a payload is placed in a request.</summary>
    public static readonly IReadOnlyList<string> Variants = ["query", "query-raw", "path", "path-raw"];

    private static readonly string[] Pages = ["/portal/search", "/tin-tuc/chi-tiet", "/index.php", "/dich-vu-cong/ho-so", "/api/v1/citizens", "/van-ban/tra-cuu"];
    private static readonly string[] Parameters = ["q", "id", "ma_ho_so", "keyword", "name", "email"];
    private static readonly string[] Sections = ["/tin-tuc/", "/van-ban/", "/files/", "/api/v1/records/"];
    private static readonly int[] Statuses = [200, 200, 200, 404, 200, 302, 200, 500, 200, 403];
    private static readonly string[] Referrers = ["-", "https://dichvucong.example.gov.vn/", "https://www.google.com/"];

    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.212 Chrome/111.0.5563.212 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36",
    ];

    /// <summary>FuzzDB path-traversal templates hold a <c>{file}</c> placeholder; a real request names a file.</summary>
    private static readonly string[] TargetFiles = ["etc/passwd", "windows/win.ini", "etc/shadow", "boot.ini", "proc/self/environ", "etc/hosts", "WEB-INF/web.xml"];

    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Four lines per non-empty payload of the CSV file.</summary>
    public static IEnumerable<LabelledLine> FromPayloadFile(string csvPath)
    {
        var index = 0;
        foreach (var (payload, label) in PayloadCsv.Read(csvPath))
        {
            if (payload.Length == 0)
            {
                continue;
            }

            var value = payload.Contains("{file}", StringComparison.Ordinal)
                ? payload.Replace("{file}", TargetFiles[index % TargetFiles.Length], StringComparison.Ordinal)
                : payload;
            foreach (var variant in Variants)
            {
                yield return Build(label, variant, value, index++);
            }
        }
    }

    /// <summary>Every non-empty line of a real access log, labelled normal.</summary>
    public static IEnumerable<LabelledLine> FromAccessLog(string path, string sourceType)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                yield return new LabelledLine(LabelledLine.NormalLabel, "access-log", sourceType, line);
            }
        }
    }

    /// <summary>One request line for the payload; <paramref name="index"/> picks everything else.</summary>
    public static LabelledLine Build(string label, string variant, string payload, int index)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var target = variant switch
        {
            "query" => $"{Pages[index % Pages.Length]}?{Parameters[(index / 7) % Parameters.Length]}={FormEncode(payload)}&lang=vi",
            "query-raw" => $"{Pages[index % Pages.Length]}?{Parameters[(index / 7) % Parameters.Length]}={payload}",
            "path" => Sections[index % Sections.Length] + Uri.EscapeDataString(payload),
            "path-raw" => Sections[index % Sections.Length] + payload,
            _ => throw new ArgumentException("unknown variant " + variant, nameof(variant)),
        };
        var nginx = index % 2 == 0;
        var request = "GET " + target + " HTTP/1.1";
        var client = string.Create(CultureInfo.InvariantCulture, $"113.{160 + ((index >> 16) % 30)}.{(index >> 8) & 255}.{index & 255}");
        var time = Start.AddSeconds(index).ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + " +0700";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{client} - - [{time}] \"{Escape(request, nginx)}\" {Statuses[index % Statuses.Length]} {512 + (index % 4096)} \"{Referrers[index % Referrers.Length]}\" \"{Agents[index % Agents.Length]}\"");
        return new LabelledLine(label, variant, nginx ? "nginx.access" : "apache.access", line);
    }

    /// <summary>application/x-www-form-urlencoded as browsers write it: space as <c>+</c>, other reserved bytes as <c>%XX</c>.</summary>
    public static string FormEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// How the server writes the request line into its log: nginx writes <c>"</c>, <c>\</c> and non-printable bytes as
    /// <c>\xNN</c>; Apache writes <c>\"</c> and <c>\\</c> and non-printable bytes as <c>\xNN</c>.
    /// </summary>
    public static string Escape(string request, bool nginx)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sb = new StringBuilder(request.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(request))
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                sb.Append(nginx ? "\\x" + b.ToString("X2", CultureInfo.InvariantCulture) : "\\" + (char)b);
            }
            else if (b < 0x20 || b >= 0x7f)
            {
                sb.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.ToString();
    }
}
