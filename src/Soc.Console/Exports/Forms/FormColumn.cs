namespace Soc.Console.Exports.Forms;

/// <summary>A table column; <paramref name="Width"/> is relative to the other columns.</summary>
public sealed record FormColumn(string Label, double Width = 1);
