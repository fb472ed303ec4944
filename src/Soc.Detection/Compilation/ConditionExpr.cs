namespace Soc.Detection.Compilation;

/// <summary>A parsed Sigma condition (before selections are inlined).</summary>
public abstract record ConditionExpr;

/// <summary><c>a and b and ...</c></summary>
public sealed record AndExpr(IReadOnlyList<ConditionExpr> Items) : ConditionExpr;

/// <summary><c>a or b or ...</c></summary>
public sealed record OrExpr(IReadOnlyList<ConditionExpr> Items) : ConditionExpr;

/// <summary><c>not a</c></summary>
public sealed record NotExpr(ConditionExpr Item) : ConditionExpr;

/// <summary>A search identifier.</summary>
public sealed record RefExpr(string Name) : ConditionExpr;

/// <summary><c>1 of x*</c>, <c>all of them</c>: <see cref="Count"/> is -1 for all; <see cref="Pattern"/> null for them.</summary>
public sealed record OfExpr(int Count, string? Pattern) : ConditionExpr;
