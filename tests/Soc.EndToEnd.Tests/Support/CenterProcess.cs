using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Soc.EndToEnd.Tests.Support;

/// <summary>
/// The built center (<c>soc serve</c>) as a real process on a free 127.0.0.1 port with a temporary data
/// folder; it reads the first-run admin password from the center's own output, as a new operator would.
/// </summary>
public sealed partial class CenterProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private CenterProcess(ChildProcess process, string dataDir, Uri baseAddress, string adminPassword)
    {
        _process = process;
        DataDir = dataDir;
        BaseAddress = baseAddress;
        AdminPassword = adminPassword;
    }

    public string DataDir { get; }

    public Uri BaseAddress { get; }

    public string AdminPassword { get; }

    public string Output => _process.Output;

    public static async Task<CenterProcess> StartAsync(string workDir)
    {
        var dataDir = Path.Combine(workDir, "data");
        var port = BuiltPrograms.FreeTcpPort();
        var process = ChildProcess.Start(BuiltPrograms.Center, "serve", "--data-dir", dataDir, "--urls", $"http://127.0.0.1:{port}", "--rules", RepoPaths.Rules);
        await BuiltPrograms.WaitForPortAsync(port, process, TimeSpan.FromSeconds(60));
        var password = PasswordLine().Match(process.Output);
        if (!password.Success)
        {
            throw new InvalidOperationException("the first start printed no admin password:\n" + process.Output);
        }

        return new CenterProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}"), password.Groups[1].Value);
    }

    /// <summary>Runs an offline <c>soc</c> command against this center's data folder.</summary>
    public Task<string> SocAsync(params string[] args) =>
        ChildProcess.RunAsync("dotnet", [BuiltPrograms.Center, .. args, "--data-dir", DataDir]);

    public HttpClient Client(string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PasswordLine();
}
