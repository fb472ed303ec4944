using Microsoft.AspNetCore.Identity;
using Soc.Console.Storage;

namespace Soc.Console.Hosting;

/// <summary>Passwords are hashed with ASP.NET Core Identity's hasher (PBKDF2, per-password salt).</summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static string Hash(string userName, string password) =>
        Hasher.HashPassword(new UserAccount(userName, "", null, null), password);
}
