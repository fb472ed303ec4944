namespace Soc.Console.Exports.Periodic;

/// <summary>A label and how many incidents carry it.</summary>
public sealed record CountRow(string Label, int Count);
