using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// The audit head: the newest committed audit entry's sequence number and hash, kept outside the
/// database in <c>&lt;database&gt;.audit-head</c> (one line, <c>"&lt;seq&gt; &lt;hash&gt;\n"</c>), written
/// and fsynced after every commit that appended audit entries. A hash chain alone cannot show that its
/// newest entries were deleted; the head can, as long as whoever deletes them cannot also rewrite the
/// head (docs/console.md has the residual risk). Invariants: the head only names committed entries and
/// only moves forward, so the chain may run past it (a crash between commit and head write) but never
/// stop short of it.
/// </summary>
public sealed partial class SqliteStore
{
    // The newest entry each open write transaction appended; read once that transaction has committed.
    private static readonly ConditionalWeakTable<SqliteTransaction, AuditEntry> PendingHeads = new();

    public string AuditHeadPath => DatabasePath + ".audit-head";

    /// <summary>The head as last written, or null when there is no head file; throws <see cref="FormatException"/> when it is unreadable.</summary>
    public (long Sequence, string Hash)? ReadAuditHead()
    {
        string text;
        try
        {
            text = File.ReadAllText(AuditHeadPath, Encoding.ASCII);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        var parts = text.Trim().Split(' ');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || parts[1].Length == 0)
        {
            throw new FormatException($"{AuditHeadPath} is not '<seq> <hash>'");
        }

        return (seq, parts[1]);
    }

    private static void NoteAuditAppended(SqliteTransaction transaction, AuditEntry entry) => PendingHeads.AddOrUpdate(transaction, entry);

    /// <summary>
    /// Called by the writer right after a commit: moves the head to the newest entry that commit appended.
    /// A failure to write the file surfaces to the caller (whose change is already committed) rather than
    /// leaving the trail silently unanchored.
    /// </summary>
    private void AdvanceAuditHead(SqliteTransaction transaction)
    {
        if (!PendingHeads.TryGetValue(transaction, out var newest))
        {
            return;
        }

        PendingHeads.Remove(transaction);
        // Another process on the same file (a `soc` command beside `soc serve`) may have moved it further.
        if (ReadHeadOrNull() is { } current && current.Sequence >= newest.Sequence)
        {
            return;
        }

        var temp = $"{AuditHeadPath}.{Environment.ProcessId}.tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{newest.Sequence} {newest.Hash}\n")));
            file.Flush(flushToDisk: true);
        }

        // Rename is atomic: a reader sees the old head or the new one, never half of one.
        File.Move(temp, AuditHeadPath, overwrite: true);
    }

    private (long Sequence, string Hash)? ReadHeadOrNull()
    {
        try
        {
            return ReadAuditHead();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Compares the chain's end with the head read before the chain was: null when they agree, else the
    /// verdict. <paramref name="hashAtHead"/> is the chain's hash at the head's sequence, if it got that far.
    /// </summary>
    private AuditVerification? CheckAuditHead((long Sequence, string Hash)? head, bool headUnreadable, long entries, long lastSequence, string? hashAtHead)
    {
        var name = Path.GetFileName(AuditHeadPath);
        if (headUnreadable)
        {
            return new AuditVerification(false, entries, lastSequence + 1, $"the audit head {name} is unreadable: entries after {lastSequence} may be missing");
        }

        if (head is not { } h)
        {
            return entries == 0 ? null : new AuditVerification(false, entries, lastSequence + 1, $"the audit head {name} is missing: entries after {lastSequence} may be missing");
        }

        if (h.Sequence > lastSequence)
        {
            return new AuditVerification(false, entries, lastSequence + 1, $"entries after {lastSequence} are missing (the audit head records entry {h.Sequence})");
        }

        return hashAtHead == h.Hash ? null : new AuditVerification(false, entries, h.Sequence, $"entry {h.Sequence} does not match the audit head {name}");
    }
}
