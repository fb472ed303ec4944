namespace Soc.Detection.Sigma;

/// <summary>
/// One named search of a rule's detection: a list of alternatives (OR), each an AND of field matchers.
/// A keyword list is one alternative holding one matcher with no field and all the keywords as values.
/// </summary>
public sealed record Selection(string Name, IReadOnlyList<IReadOnlyList<FieldMatcher>> Alternatives);
