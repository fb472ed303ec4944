using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Soc.Console.Tests.Support;

/// <summary>
/// The built center (src/Soc.Console/bin/…/soc.dll) as a child process, as tests/Soc.EndToEnd.Tests starts
/// it, so a test can kill it with SIGKILL mid-ingest and start it again on the same data folder.
/// </summary>
public sealed class CenterProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CenterProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string Dll
    {
        get
        {
            // The test assembly sits in tests/Soc.Console.Tests/bin/<Configuration>/net10.0/; the center was built alongside.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepoPaths.Root, "src", "Soc.Console", "bin", configuration, "net10.0", "soc.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build src/Soc.Console first: " + path);
        }
    }

    public static async Task<CenterProcess> StartAsync(string dataDir, params string[] extra)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Dll, "serve", "--data-dir", dataDir, "--urls", $"http://127.0.0.1:{port}", "--rules", RepoPaths.Rules, .. extra])
        {
            info.ArgumentList.Add(arg);
        }

        var center = new CenterProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the center"), port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (center._process.HasExited)
            {
                throw new InvalidOperationException("the center exited early:\n" + center.Output);
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return center;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        center.Dispose();
        throw new TimeoutException("the center did not listen within 60 s:\n" + center.Output);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
