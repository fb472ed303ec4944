using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Soc.Console.Hosting;

namespace Soc.Console.Storage.Elasticsearch;

/// <summary>
/// The cluster store: Elasticsearch 8.x/9.x spoken over its REST API with HttpClient and System.Text.Json
/// (the official client is not in the registry the build machines reach). Events go to data streams per
/// dataset (<c>{prefix}-events-{dataset}</c>) with <c>_bulk</c> create and the record id as <c>_id</c>;
/// alerts, incidents, notes, the audit trail and small coordination documents have their own indices.
/// Center nodes hold no state: sequence numbers and group heads live in <c>{prefix}-state</c> and are
/// claimed with optimistic concurrency (if_seq_no/if_primary_term), so any number of nodes can write.
/// </summary>
public sealed partial class ElasticsearchStore : ISocStore, IConsoleReads, IDisposable
{
    private readonly HttpClient _http;
    private readonly StorageOptions _options;
    private readonly SemaphoreSlim _setupLock = new(1, 1);
    private volatile bool _setupDone;

    public ElasticsearchStore(HttpClient http, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        Prefix = options.IndexPrefix.ToLowerInvariant();
    }

    public string Prefix { get; }

    private string EventsPattern => Prefix + "-events-*";

    private string Incidents => Prefix + "-incidents";

    private string AlertsIndex => Prefix + "-alerts";

    private string Notes => Prefix + "-notes";

    private string Audit => Prefix + "-audit";

    private string State => Prefix + "-state";

    private string DeadLetter => Prefix + "-deadletter";

    /// <summary>Builds the HTTP client from the options: base URL, basic auth or API key, and a custom CA when given.</summary>
    public static ElasticsearchStore Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Url))
        {
            throw new InvalidOperationException("Soc:Storage:Url is required for the elasticsearch store");
        }

        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All };
        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            var ca = X509Certificate2.CreateFromPemFile(options.CaCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (errors == System.Net.Security.SslPolicyErrors.None)
                {
                    return true;
                }

                if (certificate is null || (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                {
                    return false;
                }

                // Trust exactly the configured CA for this cluster, not a weakened system store.
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }

        var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds) };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + options.Password));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        return new ElasticsearchStore(http, options);
    }

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (status, body) = await SendAsync(HttpMethod.Get, "_cluster/health", null, cancellationToken).ConfigureAwait(false);
            var color = body?["status"]?.GetValue<string>();
            return new StoreHealth("elasticsearch", status == 200 && color is "green" or "yellow", $"cluster {color ?? "unknown"} (HTTP {status})");
        }
        catch (HttpRequestException ex)
        {
            return new StoreHealth("elasticsearch", false, ex.Message);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _setupLock.Dispose();
    }

    private async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? parsed = null;
        if (text.Length > 0)
        {
            try
            {
                parsed = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                parsed = null;
            }
        }

        return ((int)response.StatusCode, parsed);
    }

    /// <summary>Sends and insists on a 2xx answer; anything else is an error naming Elasticsearch's reason.</summary>
    private async Task<JsonNode?> SendOkAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var (status, answer) = await SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        return status is >= 200 and < 300
            ? answer
            : throw new HttpRequestException($"Elasticsearch answered {status} to {method} {path}: {Reason(answer)}", null, (HttpStatusCode)status);
    }

    private static string Reason(JsonNode? answer) =>
        answer?["error"]?["reason"]?.GetValue<string>() ?? answer?["error"]?.ToJsonString() ?? "no reason given";

    private string Refresh => _options.RefreshOnWrite ? "wait_for" : "false";
}
