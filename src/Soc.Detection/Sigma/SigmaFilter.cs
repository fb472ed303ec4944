namespace Soc.Detection.Sigma;

/// <summary>
/// The <c>filter</c> section of a Sigma filter document: the rules (ids or names, or <c>any</c>) it applies to.
/// Its selections and condition live on the owning <see cref="SigmaRule"/> and are ANDed to those rules as
/// written (pySigma's polarity: <c>(rule) and (filter)</c>; an excluding filter writes <c>not selection</c>).
/// </summary>
public sealed record SigmaFilter(IReadOnlyList<string> Rules);
