using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Soc.Console.Demo;
using Soc.Console.Incidents;
using Soc.Console.Ingest;
using Soc.Console.Pipeline;
using Soc.Console.Security;
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
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Framework chatter (every request, every key write) hides what an operator needs to see.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        var store = new SqliteStore(options.DatabasePath);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<RuleSetHolder>();
        builder.Services.AddSingleton(new EventNormalizer(TimeProvider.System));
        builder.Services.AddSingleton<IngestPipeline>();
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
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build());
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Web/Pages");
        builder.Services.AddOpenApi();
        builder.Services.AddConsole();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", events = store.CountEvents() })).AllowAnonymous();
        app.MapIngestApi(); // authenticated by the agency key inside the handler
        app.MapIncidentsApi();
        app.MapConsole();
        app.MapRazorPages();
        return app;
    }
}
