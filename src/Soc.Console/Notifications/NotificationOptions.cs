namespace Soc.Console.Notifications;

/// <summary><c>Soc:Notifications</c>: deadline notifications by e-mail and signed webhook; off unless enabled.</summary>
public sealed class NotificationOptions
{
    public bool Enabled { get; set; }

    /// <summary>How often open incidents are checked against their deadlines.</summary>
    public int ScanIntervalSeconds { get; set; } = 60;

    /// <summary>The console's address as people reach it, for the link in each notification, e.g. https://soc.example.gov.vn/.</summary>
    public string ConsoleUrl { get; set; } = "http://127.0.0.1:5080/";

    /// <summary>
    /// Incidents below this severity never notify: a busy SOC has thousands of open low incidents whose
    /// operational targets pass, and a message for each would bury the ones that matter.
    /// </summary>
    public string MinimumSeverity { get; set; } = "medium";

    public SmtpOptions Smtp { get; set; } = new();

    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Throws with every problem at once when enabled but not usable.</summary>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        var errors = new List<string>();
        if (ScanIntervalSeconds < 1)
        {
            errors.Add("ScanIntervalSeconds must be at least 1");
        }

        if (Incidents.Severities.Rank(MinimumSeverity) < 0)
        {
            errors.Add($"MinimumSeverity '{MinimumSeverity}' is not one of {string.Join(", ", Incidents.Severities.All)}");
        }

        if (!Uri.TryCreate(ConsoleUrl, UriKind.Absolute, out _))
        {
            errors.Add($"ConsoleUrl '{ConsoleUrl}' is not an absolute URL");
        }

        if (!Smtp.Configured && !Webhook.Configured)
        {
            errors.Add("enabled, but neither Smtp (Host, From, To) nor Webhook (Url) is set");
        }

        if (Smtp.Configured && (string.IsNullOrWhiteSpace(Smtp.From) || Smtp.To.Count == 0))
        {
            errors.Add("Smtp needs From and at least one To");
        }

        if (Webhook.Configured && (!Uri.TryCreate(Webhook.Url, UriKind.Absolute, out _) || string.IsNullOrEmpty(Webhook.Secret)))
        {
            errors.Add("Webhook needs an absolute Url and a Secret (the receiver checks the signature with it)");
        }

        if (Webhook.MaxAttempts < 1)
        {
            errors.Add("Webhook:MaxAttempts must be at least 1");
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException("Soc:Notifications: " + string.Join("; ", errors));
        }
    }
}
