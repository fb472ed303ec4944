namespace Soc.Detection.Sigma;

/// <summary>
/// The <c>filter</c> section of a Sigma filter document: the rules (ids or names) it applies to. Its
/// selections and condition live on the owning <see cref="SigmaRule"/>; events matching them are
/// excluded from those rules (pySigma's polarity: <c>rule and not filter</c>).
/// </summary>
public sealed record SigmaFilter(IReadOnlyList<string> Rules);
