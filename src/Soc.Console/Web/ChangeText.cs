using System.Text.RegularExpressions;
using Soc.Console.Localization;

namespace Soc.Console.Web;

/// <summary>
/// An incident audit entry ("incident.status", "new -> closed (false_positive)") in the reader's words
/// ("Trạng thái: Mới → Đã đóng (Cảnh báo sai)"). Unknown shapes pass through unchanged.
/// </summary>
public static partial class ChangeText
{
    public static string Describe(Text text, string action, string? details)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(action);
        var field = action.StartsWith("incident.", StringComparison.Ordinal) ? action["incident.".Length..] : action;
        var (label, prefix) = field switch
        {
            "status" => (text["col.status"], "status"),
            "severity" => (text["col.severity"], "sev"),
            "category" => (text["col.category"], "cat"),
            "assignee" => (text["col.assignee"], null),
            _ => (field, (string?)null),
        };
        if (details is null || Arrow().Match(details) is not { Success: true } m)
        {
            return label + ": " + details;
        }

        string Word(string code) => prefix is null || code == "-" ? code : text.Code(prefix, code);
        var reason = m.Groups[3].Success ? " (" + text.Code("reason", m.Groups[3].Value) + ")" : "";
        return $"{label}: {Word(m.Groups[1].Value)} → {Word(m.Groups[2].Value)}{reason}";
    }

    [GeneratedRegex(@"^(\S+) -> (\S+)(?: \((\S+)\))?$")]
    private static partial Regex Arrow();
}
