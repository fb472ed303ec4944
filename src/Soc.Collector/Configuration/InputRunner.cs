using Soc.Collector.Inputs;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Configuration;

/// <summary>
/// Runs the inputs of the current config, each writing to the queue through its own counting writer. On reload
/// the old set is stopped (their checkpoints are theirs and the queue stays open) and the new set started.
/// An input that fails (e.g. its port is taken) is logged and started again after a pause.
/// </summary>
public sealed class InputRunner(IRecordWriter queue, CollectorMetrics metrics, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);
    private CancellationTokenSource? _stop;
    private List<Task> _running = [];

    public void Start(IReadOnlyList<IInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _running = [.. inputs.Select(input => Task.Run(() => RunAsync(input, token), CancellationToken.None))];
    }

    public async Task ReplaceAsync(IReadOnlyList<IInput> inputs)
    {
        await StopAsync().ConfigureAwait(false);
        Start(inputs);
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running).ConfigureAwait(false);
        _stop.Dispose();
        _stop = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task RunAsync(IInput input, CancellationToken cancellationToken)
    {
        var writer = new CountingRecordWriter(queue, metrics.ForInput(input.Name));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await input.RunAsync(writer, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One broken input must not stop the others or the shipper.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                CollectorLog.Error($"input {input.Name} failed: {ex.Message}; restarting in {RestartDelay.TotalSeconds:0} s");
            }

            try
            {
                await Task.Delay(RestartDelay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
