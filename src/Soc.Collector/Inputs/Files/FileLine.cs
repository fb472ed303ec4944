namespace Soc.Collector.Inputs.Files;

/// <summary>
/// A complete line (or joined multi-line entry) and where it sits in its file: <see cref="Start"/> is the offset of
/// its first byte (the record id uses it), <see cref="End"/> the offset just after its newline.
/// </summary>
internal readonly record struct FileLine(string Text, long Start, long End, bool Truncated);
