namespace Soc.Console.Exports.Model;

/// <summary>A MITRE ATT&amp;CK technique, e.g. ("T1110.001", "Password Guessing").</summary>
public sealed record AttackTechnique(string Id, string Name);
