using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Soc.Console.Exports.Audit;

/// <summary>
/// The audit hash-chain scheme (docs/reports.md "Audit trail"). The center's audit store appends with
/// <see cref="Append"/> (or computes the same hashes itself); bundles carry <see cref="Slice"/>s and
/// verifiers call <see cref="Verify"/>. All hashes are lowercase hex SHA-256.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first link.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>
    /// Hash of a record's canonical form: fields separated by LF, time as UTC ISO 8601 with 7 fractional
    /// digits; fields are length-prefixed so no two records share a canonical form.
    /// </summary>
    public static string ContentHash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var builder = new StringBuilder();
        foreach (var field in new[]
        {
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            record.Actor, record.Action, record.Subject, record.Details,
        })
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Hex(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    public static string LinkHash(string previousHash, string contentHash) => Hex(Encoding.ASCII.GetBytes(previousHash + contentHash));

    /// <summary>The link that follows <paramref name="previous"/> (null: the first link of the chain).</summary>
    public static AuditLink Append(AuditLink? previous, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var previousHash = previous?.Hash ?? Genesis;
        var content = ContentHash(record);
        return new AuditLink(record.Sequence, previousHash, content, LinkHash(previousHash, content), record);
    }

    /// <summary>
    /// The run of <paramref name="links"/> from the first to the last record that <paramref name="relevant"/>
    /// selects, with every other record in between redacted to its hashes. Null when none is relevant.
    /// </summary>
    public static AuditTrailSlice? Slice(IReadOnlyList<AuditLink> links, Func<AuditRecord, bool> relevant)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(relevant);
        var keep = links.Select(l => l.Record is not null && relevant(l.Record)).ToArray();
        var first = Array.IndexOf(keep, true);
        if (first < 0)
        {
            return null;
        }

        var last = Array.LastIndexOf(keep, true);
        var run = links.Skip(first).Take(last - first + 1).Select((l, i) => keep[first + i] ? l : l with { Record = null }).ToList();
        return new AuditTrailSlice(run[0].PreviousHash, run[^1].Hash, run);
    }

    /// <summary>Every broken link, by sequence number; empty when the slice is intact.</summary>
    public static IReadOnlyList<string> Verify(AuditTrailSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var problems = new List<string>();
        var expectedPrevious = slice.AnchorHash;
        long? lastSequence = null;
        foreach (var link in slice.Links)
        {
            var at = "audit record " + link.Sequence.ToString(CultureInfo.InvariantCulture);
            if (lastSequence is { } seq && link.Sequence != seq + 1)
            {
                problems.Add($"{at}: follows {seq} (records missing or reordered)");
            }

            if (link.PreviousHash != expectedPrevious)
            {
                problems.Add($"{at}: does not link to the previous record's hash");
            }

            if (link.Record is { } record && (record.Sequence != link.Sequence || ContentHash(record) != link.ContentHash))
            {
                problems.Add($"{at}: content does not match its hash (record altered)");
            }

            if (LinkHash(link.PreviousHash, link.ContentHash) != link.Hash)
            {
                problems.Add($"{at}: link hash is wrong");
            }

            expectedPrevious = link.Hash;
            lastSequence = link.Sequence;
        }

        if (expectedPrevious != slice.HeadHash)
        {
            problems.Add("audit trail: last hash differs from the stated head");
        }

        return problems;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
