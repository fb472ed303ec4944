namespace Soc.Collector.Buffering;

/// <summary>
/// A wake-up for "something changed, look again" loops, without an allocation per <see cref="Set"/>.
/// Waiters call <see cref="Prepare"/> before checking their condition, so a <see cref="Set"/> that lands
/// between the check and the await is never lost.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _current = NewSource();

    public Task Prepare()
    {
        var current = Volatile.Read(ref _current);
        if (!current.Task.IsCompleted)
        {
            return current.Task;
        }

        var fresh = NewSource();
        var seen = Interlocked.CompareExchange(ref _current, fresh, current);
        return ReferenceEquals(seen, current) ? fresh.Task : seen.Task;
    }

    public void Set() => Volatile.Read(ref _current).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
