using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Tests.Support;

/// <summary>A store under test with its temp folder; disposing removes both.</summary>
public sealed class TestStore(ISocStore store, SqliteStore sqlite, string dir) : IDisposable
{
    public ISocStore Store { get; } = store;

    public SqliteStore Sqlite { get; } = sqlite;

    public void Dispose()
    {
        (Store as IDisposable)?.Dispose();
        Sqlite.Dispose();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
