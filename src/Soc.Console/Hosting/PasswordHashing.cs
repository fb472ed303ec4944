using Microsoft.AspNetCore.Identity;
using Soc.Console.Storage;

namespace Soc.Console.Hosting;

/// <summary>Passwords are hashed with ASP.NET Core Identity's hasher (PBKDF2, per-password salt).</summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static string Hash(string userName, string password) =>
        Hasher.HashPassword(new UserAccount(userName, "", null, null), password);

    /// <summary>True when <paramref name="password"/> is the user's; false for a wrong one or a user without a password.</summary>
    public static bool Verify(UserAccount user, string password) =>
        user.PasswordHash is { } hash && Hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
}
