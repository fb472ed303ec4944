using Soc.Collector.Inputs;

namespace Soc.Collector.Tests.Inputs;

/// <summary>Runs an input in the background for one test; disposing cancels it and waits for it to stop.</summary>
public sealed class RunningInput : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public RunningInput(IInput input, IRecordWriter writer)
    {
        Task = Task.Run(() => input.RunAsync(writer, _stop.Token));
    }

    public Task Task { get; }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
