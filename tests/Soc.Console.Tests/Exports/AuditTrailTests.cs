using Soc.Console.Exports.Audit;

namespace Soc.Console.Tests.Exports;

public sealed class AuditTrailTests
{
    private const string Subject = "incident:INC-2026-000142";

    /// <summary>A chain of 8 records where records 3, 5 and 7 are about the incident, 4 and 6 about another one.</summary>
    public static IReadOnlyList<AuditLink> Chain()
    {
        var at = SampleData.Detected;
        var records = new[]
        {
            new AuditRecord(1, at.AddMinutes(-60), "admin", "user.add", "user:tran.van.minh", "role=analyst"),
            new AuditRecord(2, at.AddMinutes(-30), "le.thi.lan", "incident.status", "incident:INC-2026-000140", "new→closed"),
            new AuditRecord(3, at.AddMinutes(12), "tran.van.minh", "incident.status", Subject, "new→acknowledged"),
            new AuditRecord(4, at.AddMinutes(13), "le.thi.lan", "incident.note", "incident:INC-2026-000141", "kiểm tra lại"),
            new AuditRecord(5, at.AddMinutes(14), "le.thi.lan", "incident.assign", Subject, "tran.van.minh"),
            new AuditRecord(6, at.AddMinutes(20), "le.thi.lan", "incident.status", "incident:INC-2026-000141", "new→closed"),
            new AuditRecord(7, at.AddMinutes(30), "tran.van.minh", "incident.note", Subject, "Đã chặn 203.0.113.77"),
            new AuditRecord(8, at.AddMinutes(90), "admin", "token.create", "user:kiem.toan", string.Empty),
        };
        var links = new List<AuditLink>();
        foreach (var record in records)
        {
            links.Add(AuditChain.Append(links.Count == 0 ? null : links[^1], record));
        }

        return links;
    }

    public static AuditTrailSlice Slice() => AuditChain.Slice(Chain(), r => r.Subject == Subject)!;

    [Fact]
    public void SliceRunsFromFirstToLastRelevantRecordWithOthersRedacted()
    {
        var slice = Slice();

        Assert.Equal([3L, 4, 5, 6, 7], slice.Links.Select(l => l.Sequence));
        Assert.Equal([true, false, true, false, true], slice.Links.Select(l => l.Record is not null));
        Assert.Equal(Chain()[1].Hash, slice.AnchorHash);
        Assert.Empty(AuditChain.Verify(slice));
    }

    [Fact]
    public void AlteredRecordIsNamed()
    {
        var slice = Slice();
        var links = slice.Links.ToList();
        links[2] = links[2] with { Record = links[2].Record! with { Actor = "someone.else" } };

        Assert.Equal(["audit record 5: content does not match its hash (record altered)"], AuditChain.Verify(slice with { Links = links }));
    }

    [Fact]
    public void RemovedRecordIsNamed()
    {
        var slice = Slice();
        var links = slice.Links.ToList();
        links.RemoveAt(1);

        var problems = AuditChain.Verify(slice with { Links = links });

        Assert.Contains("audit record 5: follows 3 (records missing or reordered)", problems);
        Assert.Contains("audit record 5: does not link to the previous record's hash", problems);
    }

    [Fact]
    public void RecomputedRecordHashStillBreaksTheNextLink()
    {
        // An attacker who rewrites record 5 and its hashes cannot fix record 6's link without rewriting the head.
        var slice = Slice();
        var links = slice.Links.ToList();
        var forged = links[2].Record! with { Details = "ai đó khác" };
        var content = AuditChain.ContentHash(forged);
        links[2] = links[2] with { Record = forged, ContentHash = content, Hash = AuditChain.LinkHash(links[2].PreviousHash, content) };

        Assert.Equal(["audit record 6: does not link to the previous record's hash"], AuditChain.Verify(slice with { Links = links }));
    }
}
