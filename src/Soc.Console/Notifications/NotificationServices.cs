namespace Soc.Console.Notifications;

/// <summary>Registers the channels that <c>Soc:Notifications</c> configures and the worker, when enabled.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddDeadlineNotifications(this IServiceCollection services, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<NotificationMetrics>();
        if (!options.Enabled)
        {
            return services;
        }

        if (options.Smtp.Configured)
        {
            services.AddSingleton<INotificationChannel>(new EmailChannel(options.Smtp));
        }

        if (options.Webhook.Configured)
        {
            services.AddSingleton<INotificationChannel>(sp => new WebhookChannel(new HttpClient(), options.Webhook, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddHostedService<DeadlineNotificationWorker>();
        return services;
    }
}
