using System.Security.Cryptography;
using System.Text;

namespace Soc.Console.Security;

/// <summary>
/// Random secrets (ingest keys, API tokens, first-run passwords) and their stored form. Keys and tokens
/// are high-entropy, so a SHA-256 hash is enough to store them; passwords use Identity's hasher instead.
/// </summary>
public static class Secrets
{
    /// <summary>A new secret: a short prefix that says what it is, then 32 random bytes in base64url.</summary>
    public static string Create(string prefix) =>
        prefix + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A password that is easy to type and hard to guess (20 characters from a 56-symbol alphabet).</summary>
    public static string CreatePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
