namespace Soc.Console.Notifications;

/// <summary><c>Soc:Notifications:Webhook</c>: a JSON POST signed with HMAC-SHA256 of "timestamp.body".</summary>
public sealed class WebhookOptions
{
    public string? Url { get; set; }

    public string? Secret { get; set; }

    /// <summary>Tries per scan; a notice still undelivered after them is tried again on the next scan.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the second try; each later wait doubles.</summary>
    public int FirstRetryDelayMilliseconds { get; set; } = 1000;

    public int TimeoutSeconds { get; set; } = 10;

    public bool Configured => !string.IsNullOrWhiteSpace(Url);
}
