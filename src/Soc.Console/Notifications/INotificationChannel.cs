namespace Soc.Console.Notifications;

/// <summary>A way to tell people about a deadline (e-mail, webhook). Throws when the notice was not delivered.</summary>
public interface INotificationChannel
{
    /// <summary>Short stable name, remembered with each delivery: "email", "webhook".</summary>
    string Name { get; }

    Task SendAsync(DeadlineNotice notice, CancellationToken cancellationToken);
}
