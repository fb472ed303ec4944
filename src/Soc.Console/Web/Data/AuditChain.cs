using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Soc.Console.Web.Data;

/// <summary>
/// The audit trail's hash chain. Each entry's hash covers its own fields and the previous entry's hash,
/// so editing any entry breaks its own hash, and deleting one breaks the link of the next (and leaves a
/// gap in the sequence numbers).
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previousHash, long seq, long atUnixMs, string actor, string action, string target, string? agencyId, string? before, string? after)
    {
        // Fields are length-prefixed so that moving text from one field to the next changes the hash.
        var text = new StringBuilder();
        foreach (var part in new[] { previousHash, seq.ToString(CultureInfo.InvariantCulture), atUnixMs.ToString(CultureInfo.InvariantCulture), actor, action, target, agencyId ?? "", before ?? "", after ?? "" })
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Walks entries in sequence order and reports the first one that does not fit the chain.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = Genesis;
        long expectedSeq = 1, count = 0;
        foreach (var e in entries)
        {
            if (e.Seq != expectedSeq)
            {
                return new AuditVerification(false, count, expectedSeq, $"entry {expectedSeq} is missing (next present is {e.Seq})");
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new AuditVerification(false, count, e.Seq, $"entry {e.Seq} does not link to the hash of entry {e.Seq - 1}");
            }

            var hash = Hash(e.PreviousHash, e.Seq, e.At.ToUnixTimeMilliseconds(), e.Actor, e.Action, e.Target, e.AgencyId, e.Before, e.After);
            if (!string.Equals(hash, e.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, count, e.Seq, $"entry {e.Seq} was changed after it was written (hash mismatch)");
            }

            previous = e.Hash;
            expectedSeq++;
            count++;
        }

        return new AuditVerification(true, count, null, null);
    }
}
