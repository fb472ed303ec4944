using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Security;

/// <summary>Authenticates API calls by <c>Authorization: Bearer &lt;token&gt;</c> (tokens from <c>soc token create</c>).</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SqliteStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = store.UserForToken(header["Bearer ".Length..].Trim());
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown or revoked token"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(UserClaims.For(user), SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
