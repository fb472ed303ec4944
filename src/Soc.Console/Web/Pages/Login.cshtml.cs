using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Hosting;
using Soc.Console.Localization;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

/// <summary>
/// Local sign-in. Every attempt is audited; <see cref="SignInLockout"/> locks an account after repeated
/// failures. Unknown users count too, so the answer never tells whether a name exists.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SqliteStore store, ISocStore audit, Text text) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet(string? lang)
    {
        if (lang is not null)
        {
            Response.Cookies.Append(Text.LanguageCookie, Strings.Normalize(lang), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365) });
            return RedirectToPage();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var remote = HttpContext.Connection.RemoteIpAddress?.ToString();
        var name = UserName.Trim();
        if (store.LockedUntil(name) is not null)
        {
            await AuditAsync(name, "sign-in.refused-locked", remote).ConfigureAwait(false);
            Error = text["login.locked"];
            return Page();
        }

        var user = store.FindUser(name);
        if (user is null || !PasswordHashing.Verify(user, Password))
        {
            var locked = store.RecordSignInFailure(name, SignInLockout.MaxFailures, SignInLockout.LockFor);
            await AuditAsync(name, locked ? "sign-in.locked" : "sign-in.failed", remote).ConfigureAwait(false);
            Error = locked ? text["login.locked"] : text["login.wrong"];
            return Page();
        }

        store.ResetSignInFailures(user.Name);
        await AuditAsync(user.Name, "sign-in", remote).ConfigureAwait(false);
        var claims = UserClaims.For(user).Append(new Claim(Text.LanguageClaim, Strings.Normalize(store.UserLanguage(user.Name) ?? Request.Cookies[Text.LanguageCookie])));
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private Task<AuditEntry> AuditAsync(string user, string action, string? remote) =>
        audit.AppendAuditAsync(new AuditRecord(user, action, $"user:{user}", remote is null ? null : "from " + remote, DateTimeOffset.UtcNow), HttpContext.RequestAborted);
}
