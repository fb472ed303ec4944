using Soc.Console.Hosting;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Tests.Support;

/// <summary>
/// The stores the contract suite runs against: SQLite always (a real file in a temp folder), a real
/// Elasticsearch when SOC_ELASTICSEARCH_URL names one (with SOC_ELASTICSEARCH_USERNAME/PASSWORD or _API_KEY).
/// </summary>
public static class StoreKinds
{
    public static string? ElasticsearchUrl => Environment.GetEnvironmentVariable("SOC_ELASTICSEARCH_URL");

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrEmpty(ElasticsearchUrl))
            {
                data.Add("elasticsearch");
            }

            return data;
        }
    }

    public static TestStore Create(string kind)
    {
        var dir = Path.Combine(Path.GetTempPath(), "soc-store-" + Guid.NewGuid().ToString("N"));
        var sqlite = new SqliteStore(Path.Combine(dir, "soc.db"));
        if (kind == "sqlite")
        {
            return new TestStore(sqlite, sqlite, dir);
        }

        var options = new StorageOptions
        {
            Kind = "elasticsearch",
            Url = ElasticsearchUrl,
            Username = Environment.GetEnvironmentVariable("SOC_ELASTICSEARCH_USERNAME"),
            Password = Environment.GetEnvironmentVariable("SOC_ELASTICSEARCH_PASSWORD"),
            ApiKey = Environment.GetEnvironmentVariable("SOC_ELASTICSEARCH_API_KEY"),
            // A fresh prefix per test keeps runs apart on a shared cluster.
            IndexPrefix = "soctest-" + Guid.NewGuid().ToString("N")[..8],
            RefreshOnWrite = true,
        };
        return new TestStore(StoreFactory.Create(options, sqlite), sqlite, dir);
    }
}
