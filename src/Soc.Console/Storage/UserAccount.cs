namespace Soc.Console.Storage;

/// <summary>A console user: name, role (see <see cref="Security.Roles"/>) and, for agency-scoped roles, the agency.</summary>
public sealed record UserAccount(string Name, string Role, string? AgencyId, string? PasswordHash);
