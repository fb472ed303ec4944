using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Soc.CenterLoad;

/// <summary>Runs the built center: the admin commands to set up agencies and a token, then <c>soc serve</c>.</summary>
internal sealed class Center(Process process, int port) : IDisposable
{
    public Uri Url { get; } = new($"http://127.0.0.1:{port}");

    /// <summary>CPU time the center has used so far (all its threads): on a shared machine a steadier measure than wall time.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static string Run(string soc, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(soc);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"soc {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    public static async Task<Center> StartAsync(string soc, string dataDir, IReadOnlyList<string> rules)
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = false };
        foreach (var a in (string[])[soc, "serve", "--data-dir", dataDir, "--urls", $"http://127.0.0.1:{port}"])
        {
            info.ArgumentList.Add(a);
        }

        if (rules.Count > 0)
        {
            info.ArgumentList.Add("--rules");
            foreach (var r in rules)
            {
                info.ArgumentList.Add(r);
            }
        }

        // The harness measures the center, not the per-agency rate limit.
        info.Environment["Soc__Ingest__RecordsPerSecondPerAgency"] = "0";
        var process = Process.Start(info)!;
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync(IPAddress.Loopback, port);
                return new Center(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("the center did not start");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
