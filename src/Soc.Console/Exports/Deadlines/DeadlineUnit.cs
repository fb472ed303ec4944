namespace Soc.Console.Exports.Deadlines;

/// <summary>How a rule's duration is counted; days are counted in Asia/Ho_Chi_Minh.</summary>
public enum DeadlineUnit
{
    Hours,
    CalendarDays,

    /// <summary>Monday to Friday; public holidays are not known to Soc and are not skipped.</summary>
    WorkingDays,

    /// <summary>For the center's own response targets (acknowledge a critical within 15 minutes).</summary>
    Minutes,
}
