using Microsoft.Data.Sqlite;

namespace Soc.Console.Tests.Support;

/// <summary>
/// A temp folder for a SQLite file that a test opens, closes and reopens itself (TestStore keeps one store
/// open). Disposing closes pooled connections first, so the folder can be deleted.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "soc-db-" + Guid.NewGuid().ToString("N"));

    public TempDatabase() => Directory.CreateDirectory(_folder);

    /// <summary>The database file's path (not created).</summary>
    public string Path => System.IO.Path.Combine(_folder, "soc.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
