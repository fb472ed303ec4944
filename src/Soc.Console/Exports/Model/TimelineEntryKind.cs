namespace Soc.Console.Exports.Model;

/// <summary>What a timeline entry records.</summary>
public enum TimelineEntryKind
{
    Alert,
    StatusChange,
    Assignment,
    Note,
    Report,
}
