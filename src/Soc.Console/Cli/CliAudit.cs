using Soc.Console.Hosting;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Cli;

/// <summary>
/// Audit entries for the offline administration commands, in the same trail the console writes to: the
/// store <c>Soc:Storage:Kind</c> names (appsettings.json beside <c>soc</c>, or <c>Soc__Storage__…</c>
/// environment variables), so with Elasticsearch they land in the cluster's trail, not in the file.
/// The actor is the operating-system account that ran the command (<c>cli:&lt;user&gt;</c>); details
/// never carry keys, passwords or tokens. The entry is written after the change it records (they are
/// not one transaction): a crash in between leaves the change unaudited.
/// </summary>
public static class CliAudit
{
    public static string Actor => "cli:" + Environment.UserName;

    public static void Append(SqliteStore accounts, string action, string subject, string details)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var storage = new StorageOptions();
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection("Soc:Storage")
            .Bind(storage);
        var store = StoreFactory.Create(storage, accounts);
        try
        {
            store.AppendAuditAsync(new AuditRecord(Actor, action, subject, details, DateTimeOffset.UtcNow), CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            if (!ReferenceEquals(store, accounts))
            {
                (store as IDisposable)?.Dispose();
            }
        }
    }
}
