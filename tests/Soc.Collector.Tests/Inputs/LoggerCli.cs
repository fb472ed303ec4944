using System.Diagnostics;

namespace Soc.Collector.Tests.Inputs;

/// <summary>Runs util-linux <c>logger</c> (Debian package bsdutils), a real syslog client.</summary>
public static class LoggerCli
{
    public static async Task SendAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("logger") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("logger did not start");
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"logger {string.Join(' ', arguments)} failed: {stderr}");
    }
}
