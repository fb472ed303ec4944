using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.WebEncoders;
using Soc.Console.Localization;
using Soc.Console.Security;

namespace Soc.Console.Web;

/// <summary>The console's services (localisation, role policies, anti-forgery settings), added to the center host with one line.</summary>
public static class ConsoleSetup
{
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<Text>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Triage, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.Admin, Roles.Auditor))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.AccessDeniedPath = "/denied");
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = "soc-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__af";
        });
        // Vietnamese text as characters, not as &#x…; entities: half the page weight and readable source.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
