using System.Security.Cryptography;
using System.Text;

namespace Soc.Console.Notifications;

/// <summary>
/// <c>X-Soc-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 with the shared secret of
/// "<c>X-Soc-Timestamp</c>.body" (Unix seconds, a dot, the exact body bytes). Signing the timestamp lets a
/// receiver refuse old replays; comparing in fixed time keeps the check from leaking the signature.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Soc-Timestamp";
    public const string SignatureHeader = "X-Soc-Signature";

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
