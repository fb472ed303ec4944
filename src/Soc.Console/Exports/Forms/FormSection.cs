namespace Soc.Console.Exports.Forms;

/// <summary>A lettered or numbered part of a form.</summary>
public sealed record FormSection(string Code, string Title, IReadOnlyList<FormField> Fields);
