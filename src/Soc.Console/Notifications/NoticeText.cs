using System.Text;
using Soc.Console.Localization;

namespace Soc.Console.Notifications;

/// <summary>The words of an e-mail notice, from the console's string table in both languages.</summary>
public static class NoticeText
{
    public static string Subject(DeadlineNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return $"[SOC] #{notice.IncidentId} {Strings.Get(Strings.Vietnamese, "clk.state." + notice.State)}: {notice.DeadlineLabel}";
    }

    public static string Body(DeadlineNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var text = new StringBuilder();
        foreach (var language in new[] { Strings.Vietnamese, Strings.English })
        {
            string T(string key) => Strings.Get(language, key);
            text.Append(T("ntf.incident")).Append(": #").Append(notice.IncidentId).Append(' ').Append(notice.Title).Append('\n')
                .Append(T("col.agency")).Append(": ").Append(notice.AgencyId).Append('\n')
                .Append(T("col.severity")).Append(": ").Append(Strings.Get(language, "sev." + notice.Severity, notice.Severity)).Append('\n')
                .Append(T("clk.deadline")).Append(": ").Append(notice.DeadlineLabel).Append(" (").Append(notice.Deadline).Append(")\n")
                .Append(T("clk.source")).Append(": ").Append(notice.LegalSource).Append('\n')
                .Append(T("clk.due")).Append(": ").Append(LocalTime.Format(notice.DueAt)).Append('\n')
                .Append(T("clk.state")).Append(": ").Append(T("clk.state." + notice.State)).Append('\n')
                .Append(notice.ConsoleLink).Append("\n\n");
        }

        return text.ToString();
    }
}
