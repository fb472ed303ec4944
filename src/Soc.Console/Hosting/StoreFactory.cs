using Soc.Console.Storage;
using Soc.Console.Storage.Elasticsearch;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Hosting;

/// <summary>Picks the store named by <c>Soc:Storage:Kind</c>.</summary>
public static class StoreFactory
{
    public static ISocStore Create(StorageOptions options, SqliteStore embedded)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind.ToLowerInvariant() switch
        {
            "sqlite" or "" => embedded,
            "elasticsearch" => ElasticsearchStore.Create(options),
            _ => throw new InvalidOperationException($"Soc:Storage:Kind must be sqlite or elasticsearch, not '{options.Kind}'"),
        };
    }
}
