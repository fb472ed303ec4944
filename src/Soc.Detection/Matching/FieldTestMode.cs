namespace Soc.Detection.Matching;

/// <summary>How a field test combines its values.</summary>
public enum FieldTestMode
{
    /// <summary>Any value matches (a Sigma list).</summary>
    Any,

    /// <summary>Every value matches (<c>all</c>).</summary>
    All,

    /// <summary>The field is present, not null, and no value matches (<c>neq</c>).</summary>
    NotEqual,

    /// <summary>The field is present and not null (<c>exists: true</c>).</summary>
    Exists,

    /// <summary>The field is absent or null (<c>exists: false</c>).</summary>
    NotExists,
}
