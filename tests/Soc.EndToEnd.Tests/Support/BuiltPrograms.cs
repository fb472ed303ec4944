using System.Net;
using System.Net.Sockets;

namespace Soc.EndToEnd.Tests.Support;

/// <summary>Where the built center and collector are, and helpers to wait for them.</summary>
public static class BuiltPrograms
{
    // The test assembly sits in tests/Soc.EndToEnd.Tests/bin/<Configuration>/net10.0/; the programs were built alongside.
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Center => Output("src/Soc.Console", "soc.dll");

    public static string Collector => Output("src/Soc.Collector", "soc-collector.dll");

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until something accepts TCP connections on the port, or fails with the process output.</summary>
    public static async Task WaitForPortAsync(int port, ChildProcess owner, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (owner.HasExited)
            {
                throw new InvalidOperationException("process exited early:\n" + owner.Output);
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"nothing listened on port {port} within {timeout}:\n{owner.Output}");
    }

    private static string Output(string project, string dll)
    {
        var path = Path.Combine(RepoPaths.Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first: " + path);
    }
}
