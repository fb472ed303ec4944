using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Soc.Console.Storage;

/// <summary>
/// One entry of the append-only audit trail. <see cref="Hash"/> is the SHA-256 (hex) over the previous
/// entry's hash and this entry's fields, so editing or deleting any entry breaks every hash after it.
/// </summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset Time, string Actor, string Action, string Subject, string? Details, string PreviousHash, string Hash)
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash of an entry; both stores compute it the same way so a trail can move between them.</summary>
    public static string ComputeHash(long sequence, DateTimeOffset time, string actor, string action, string subject, string? details, string previousHash)
    {
        // Unit separators keep field boundaries unambiguous ("ab"+"c" differs from "a"+"bc").
        var text = string.Join(
            '\u001f',
            sequence.ToString(CultureInfo.InvariantCulture),
            time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            actor,
            action,
            subject,
            details ?? "",
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public bool IsIntact() => Hash == ComputeHash(Sequence, Time, Actor, Action, Subject, Details, PreviousHash);
}
