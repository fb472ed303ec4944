namespace Soc.Detection.Evaluation;

/// <summary>
/// One raw log line with its ground truth: <see cref="Label"/> is the attack class (<c>sqli</c>, <c>xss</c>,
/// <c>path-traversal</c>, <c>cmdi</c>) or <see cref="NormalLabel"/>; <see cref="Variant"/> says how the payload was
/// placed in the request (query or path, URL-encoded or raw).
/// </summary>
public sealed record LabelledLine(string Label, string Variant, string SourceType, string Line)
{
    public const string NormalLabel = "norm";
}
