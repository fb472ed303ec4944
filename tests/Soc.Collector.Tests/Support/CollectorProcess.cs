using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SystemProcess = System.Diagnostics.Process;

namespace Soc.Collector.Tests.Support;

/// <summary>
/// The real soc-collector (the built dll beside the tests) as a child process: started with
/// <c>dotnet soc-collector.dll --config ...</c>, killed with SIGKILL, its stderr kept for failure messages.
/// </summary>
public sealed class CollectorProcess : IDisposable
{
    private readonly SystemProcess _process;
    private readonly StringBuilder _output = new();

    private CollectorProcess(SystemProcess process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "soc-collector.dll");

    public int Id => _process.Id;

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

    public bool HasExited => _process.HasExited;

    public static CollectorProcess Start(params string[] args) => Start(ignoreHangup: false, args);

    /// <summary>
    /// Starts the collector through env(1), which sets SIGHUP to its default (or, with
    /// <paramref name="ignoreHangup"/>, to ignored, as nohup does) and then becomes the collector, same pid:
    /// an ignored SIGHUP is inherited, so a test run under nohup would otherwise never see a reload.
    /// </summary>
    public static CollectorProcess Start(bool ignoreHangup, params string[] args)
    {
        var info = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(ignoreHangup ? "--ignore-signal=HUP" : "--default-signal=HUP");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new CollectorProcess(SystemProcess.Start(info)!);
    }

    /// <summary>Runs to completion (for --check) and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        await process._process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process._process.WaitForExit(); // drains the redirected output
        return (process._process.ExitCode, process.Output);
    }

    /// <summary>kill -9: no shutdown code runs.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Signal(string name)
    {
        using var kill = SystemProcess.Start("kill", ["-s", name, Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>The collector's /metrics as name → value (unlabelled samples, plus labelled ones with their labels).</summary>
    public static async Task<Dictionary<string, long>?> TryReadMetricsAsync(int port)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
            var values = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var line in text.Split('\n'))
            {
                var space = line.LastIndexOf(' ');
                if (line.Length > 0 && line[0] != '#' && space > 0 && long.TryParse(line.AsSpan(space + 1), CultureInfo.InvariantCulture, out var value))
                {
                    values[line[..space]] = value;
                }
            }

            return values;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
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
