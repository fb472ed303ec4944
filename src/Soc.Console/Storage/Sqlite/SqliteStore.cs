using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in the data folder, in WAL mode with synchronous=FULL, so a
/// committed ingest batch survives a crash or power cut before the center answers the collector.
/// SQLite has one writer at a time; writes are serialised here rather than left to busy retries.
/// </summary>
public sealed partial class SqliteStore : ISocStore, IConsoleReads, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // The one writer connection, kept open under _writeLock: its page cache (the index pages every
    // commit touches) and its prepared statements survive from one commit to the next.
    private SqliteConnection? _writer;

    public SqliteStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        DatabasePath = databasePath;
        using var connection = Open();
        CreateSchema(connection);
    }

    public string DatabasePath { get; }

    public void Dispose()
    {
        WaitForCheckpoint();
        DisposeWriter();
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var c = Open();
            using var q = Command(c, null, "SELECT count(*) FROM agencies");
            q.ExecuteScalar();
            return Task.FromResult(new StoreHealth("sqlite", true, DatabasePath));
        }
        catch (SqliteException ex)
        {
            return Task.FromResult(new StoreHealth("sqlite", false, ex.Message));
        }
    }

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = _writer ??= OpenWriter();
            try
            {
                using var transaction = connection.BeginTransaction();
                var result = work(connection, transaction);
                transaction.Commit();
                AdvanceAuditHead(transaction); // SqliteStore.AuditHead.cs: the head moves only past committed entries
                BoundWal(connection); // SqliteStore.Checkpoint.cs: checkpoints run beside the writer
                return result;
            }
            catch
            {
                // After a failure (disk full, I/O error) start again from a fresh connection rather than
                // trust the state of this one; the transaction was rolled back when it was disposed.
                DisposeWriter();
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private SqliteConnection OpenWriter()
    {
        var connection = Open();
        using var pragma = connection.CreateCommand();
        // A larger page cache for the writer keeps the index pages of a group commit in memory. The writer
        // does not checkpoint after its commits; SqliteStore.Checkpoint.cs does, on another connection.
        pragma.CommandText = $"PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={WalLimitBytes};";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void DisposeWriter()
    {
        DisposeIngestStatements();
        _writer?.Dispose();
        _writer = null;
    }

    private T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work) =>
        WriteAsync(work, CancellationToken.None).GetAwaiter().GetResult();

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
}
