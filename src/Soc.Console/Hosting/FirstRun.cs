using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Hosting;

/// <summary>On the first start (no users yet) creates the <c>admin</c> account and prints its password once.</summary>
public static class FirstRun
{
    public const string AdminName = "admin";

    public static void EnsureAdmin(SqliteStore store, TextWriter output, string url)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        if (store.CountUsers() > 0)
        {
            return;
        }

        var password = Secrets.CreatePassword();
        var hash = PasswordHashing.Hash(AdminName, password);
        store.AddUser(AdminName, Roles.Admin, null, hash);
        output.WriteLine();
        output.WriteLine("First run: created the administrator account. This password is shown only once.");
        output.WriteLine($"  sign in at {url}");
        output.WriteLine($"  user:     {AdminName}");
        output.WriteLine($"  password: {password}");
        output.WriteLine();
    }
}
