using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Soc.Console.Alerts;
using Soc.Console.Demo;
using Soc.Console.Exports.Center;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Incidents;
using Soc.Console.Ingest;
using Soc.Console.Notifications;
using Soc.Console.Pipeline;
using Soc.Console.Search;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web;
using Soc.Detection.Parsing;

namespace Soc.Console.Hosting;

/// <summary>Builds the center: services, authentication, the API and the console pages. Reads as a table of contents.</summary>
public static class CenterHost
{
    public static WebApplication Build(CenterOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
            // The console's Razor Pages are found through the application's assembly; name it, so a host
            // started from another entry assembly (the tests' in-process center) serves them too.
            ApplicationName = typeof(CenterHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Framework chatter (every request, every key write) hides what an operator needs to see.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        // Accounts (agencies, keys, users, tokens) live in the SQLite file in every mode; events, alerts,
        // incidents and the audit trail go to the store Soc:Storage:Kind names (docs/storage.md).
        var accounts = new SqliteStore(options.DatabasePath);
        accounts.FacetSampleEvents = builder.Configuration.GetValue("Soc:Search:FacetSampleEvents", accounts.FacetSampleEvents);
        var storage = Bind<StorageOptions>(builder, "Soc:Storage");
        var policy = Bind<IncidentPolicy>(builder, "Soc:Incidents");
        if (builder.Configuration["Soc:Incidents:LookbackHours"] is null)
        {
            policy.LookbackHours = options.IncidentLookbackHours;
        }

        // Rules: rules/ (or --rules) plus the folders configured under Soc:Rules:Folders, e.g. a SigmaHQ checkout.
        if (builder.Configuration.GetSection("Soc:Rules:Folders").Get<string[]>() is { Length: > 0 } folders)
        {
            options.RulePaths = [.. options.EffectiveRulePaths(), .. folders];
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(policy);
        builder.Services.AddSingleton(Bind<IngestOptions>(builder, "Soc:Ingest"));
        builder.Services.AddSingleton(Bind<PipelineOptions>(builder, "Soc:Pipeline"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(accounts);
        builder.Services.AddSingleton(StoreFactory.Create(storage, accounts));
        builder.Services.AddSingleton(sp => (IConsoleReads)sp.GetRequiredService<ISocStore>()); // the same store, its console reads
        builder.Services.AddSingleton<IngestRefusals>();
        builder.Services.AddSingleton<RuleSetHolder>();
        builder.Services.AddSingleton<RuleSwitches>();
        builder.Services.AddSingleton(new EventNormalizer(TimeProvider.System));
        builder.Services.AddSingleton<PipelineMetrics>();
        builder.Services.AddSingleton<AgencyRateLimiter>();
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddSingleton<IncidentReportBuilder>();
        builder.Services.AddSingleton(_ => Exports.Forms.FormTemplateLibrary.Load());
        builder.Services.AddSingleton<IncidentForms>();
        builder.Services.AddSingleton<PeriodicReportBuilder>();
        builder.Services.AddSingleton<PeriodicExports>();
        builder.Services.AddSingleton<IncidentBundleExporter>();
        // Deadlines: loaded (and a bad rule-set file or option refused) here, at start-up; docs/reports.md "Clocks and notifications".
        builder.Services.AddSingleton(IncidentDeadlines.Load(options.DataDir, Bind<DeadlineOptions>(builder, "Soc:Deadlines"), TimeProvider.System, store: accounts));
        builder.Services.AddSingleton<MilestoneRecorder>();
        builder.Services.AddDeadlineNotifications(Bind<NotificationOptions>(builder, "Soc:Notifications"));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestPipeline>());
        builder.Services.AddHostedService<RetentionWorker>();
        builder.Services.AddHostedService<SqliteTextIndexer>();
        if (options.Demo)
        {
            builder.Services.AddHostedService<DemoFeeder>();
        }

        // Cookie keys live in the data folder, so sign-ins survive a restart.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDir, "keys")));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(ApiPolicies.ChangeIncidents, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(ApiPolicies.Audit, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.Admin, Roles.Auditor))
            .AddPolicy(ApiPolicies.Admin, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(Roles.Admin))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build());
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Web/Pages");
        builder.Services.AddOpenApi();
        builder.Services.AddConsole();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthApi();
        app.MapIngestApi(); // authenticated by the agency key inside the handler
        app.MapCollectorHeartbeatApi(); // likewise
        app.MapIncidentsApi();
        app.MapReportsApi();
        app.MapFormsApi();
        app.MapMilestonesApi();
        app.MapPeriodicReportsApi();
        app.MapAlertsApi();
        app.MapEventsApi();
        app.MapAuditApi();
        app.MapRazorPages();
        return app;
    }

    private static T Bind<T>(WebApplicationBuilder builder, string section)
        where T : new()
    {
        var value = new T();
        builder.Configuration.GetSection(section).Bind(value);
        return value;
    }
}
