using System.Text;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Detection.Tests.Parsing;

/// <summary>
/// Seeded fuzzing: random bytes and mutations of real lines, for every source type. Each input must yield an event
/// that keeps the original text, without an exception; the whole run is bounded (iterations and a per-line time cap).
/// </summary>
public sealed class NormalizerFuzzTests
{
    private static readonly string[] Types =
        ["syslog", "system.auth", "system.syslog", "nginx.access", "apache.access", "nginx.error", "apache.error", "auditd", "cisco", "fortinet", "pfsense", "json", "unknown"];

    private static readonly string[] Seeds =
    [
        "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"App\"] \uFEFF'su root' failed",
        "<38>Nov 21 09:00:00 web01 sshd[2211]: Failed password for invalid user admin from 2001:db8::66 port 40022 ssh2",
        "10.0.0.2, 10.0.0.1 - - [07/Dec/2016:11:05:07 +0100] \"GET /a?b=c HTTP/1.1\" 200 571 \"-\" \"Mozilla\" \"1.2.3.4\"",
        "[Thu Jun 27 06:58:09.169510 2019] [include:warn] [pid 15934:tid 5] [client 67.43.156.12:12345] AH01374: x",
        "2019/10/30 23:26:34 [error] 205860#205860: *180289 FastCGI sent in stderr: \"x\"\nPHP message: y",
        "type=EXECVE msg=audit(1732240000.123:4711): argc=3 a0=\"bash\" a1=\"-c\" a2=6563686F",
        "<166>%ASA-6-302013: Built inbound TCP connection 1 for outside:1.2.3.4/5 (1.2.3.4/5) to inside:10.0.0.1/80 (10.0.0.1/80)",
        "<189>date=2026-11-21 time=10:10:10 devname=\"F\" logid=\"1\" type=\"traffic\" srcip=1.2.3.4 dstip=5.6.7.8 action=\"deny\"",
        "<134>Nov 21 10:20:00 pfsense filterlog[1]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,12345,0,DF,6,tcp,60,1.2.3.4,10.0.0.10,51515,22,0",
        "{\"a\":{\"b\":[1,2,{\"c\":null}]},\"@timestamp\":\"2026-11-21T02:00:00Z\"}",
    ];

    [Fact]
    public void RandomBytesNeverThrowAndKeepTheOriginal()
    {
        var random = new Random(20261121);
        var normalizer = new EventNormalizer(new FixedClock(TestRecords.Now));
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (random.Next(3) == 0 && bytes.Length > 0)
            {
                bytes[0] = (byte)"<{[t2"[random.Next(5)]; // steer some inputs into each parser's entry
            }

            Check(normalizer, Types[i % Types.Length], Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public void MutatedRealLinesNeverThrowAndKeepTheOriginal()
    {
        var random = new Random(4);
        var normalizer = new EventNormalizer(new FixedClock(TestRecords.Now));
        const string alphabet = "<>[]{}\"'\\=:;, -/.0123456789aZ\n\r\t\uFEFF\uFFFDđ%";
        for (var i = 0; i < 20000; i++)
        {
            var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
            for (var m = random.Next(1, 6); m > 0 && text.Length > 0; m--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)); break;
                    case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 2: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                    default: text.Length = at; break;
                }
            }

            Check(normalizer, Types[random.Next(Types.Length)], text.ToString());
        }
    }

    [Fact]
    public void HugeAndPathologicalLinesStayBounded()
    {
        var normalizer = new EventNormalizer(new FixedClock(TestRecords.Now));
        foreach (var line in new[]
        {
            "<13>" + new string('[', 100_000),
            "<1>1 - - - - - " + string.Concat(Enumerable.Repeat("[a b=\"\\\\\"]", 5000)),
            new string('"', 100_000),
            "{" + string.Concat(Enumerable.Repeat("\"a\":{", 200)),
            "type=SYSCALL msg=audit(99999999999999999999.1:1): a=" + new string('A', 100_000),
            "1.2.3.4 - - [" + new string(' ', 50_000),
        })
        {
            foreach (var type in Types)
            {
                Check(normalizer, type, line);
            }
        }
    }

    private static void Check(EventNormalizer normalizer, string type, string line)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ev = normalizer.Normalize(new RawRecord("id", type, "h", "/var/log/x", TestRecords.Now, "Asia/Ho_Chi_Minh", line));
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2), "slow line: " + type);
        Assert.Equal(line, ev.GetString(EcsFields.EventOriginal));
        Assert.NotNull(ev.Message);
        Assert.NotNull(ev.GetString(EcsFields.Timestamp));
        Assert.Equal("id", ev.GetString(EcsFields.EventId));
    }
}
