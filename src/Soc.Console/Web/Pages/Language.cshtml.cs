using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Localization;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

/// <summary>Switches the signed-in user's language: kept per user in the store and re-issued in the sign-in cookie.</summary>
public sealed class LanguageModel(SqliteStore store) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl)
    {
        var language = Strings.Normalize(lang);
        store.SetUserLanguage(User.Identity!.Name!, language);
        var claims = User.Claims.Where(c => c.Type != Text.LanguageClaim).Append(new Claim(Text.LanguageClaim, language));
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        Response.Cookies.Append(Text.LanguageCookie, language, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365) });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
