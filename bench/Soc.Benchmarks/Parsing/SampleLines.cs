namespace Soc.Benchmarks.Parsing;

/// <summary>One representative line per format, shared by the BenchmarkDotNet suite and the CPU-time throughput run.</summary>
public static class SampleLines
{
    public static readonly (string Format, string Type, string Line)[] All =
    [
        ("nginx.access", "nginx.access", "203.0.113.9 - - [21/Nov/2026:10:15:32 +0700] \"GET /tin-tuc/bai-viet.php?id=42&lang=vi HTTP/1.1\" 200 5120 \"https://example.gov.vn/\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36\""),
        ("syslog-5424", "syslog", "<134>1 2026-11-21T09:30:00.250+07:00 app01.sotttt.gov.vn portal 4242 LOGIN [meta user=\"an\" ip=\"203.0.113.5\"] User logged in from 203.0.113.5"),
        ("syslog-3164", "syslog", "<30>Nov 21 09:00:00 web01 nginx[2211]: worker process 2212 exited on signal 9 after 12 requests"),
        ("system.auth", "system.auth", "Nov 21 09:00:00 web01 sshd[2211]: Failed password for invalid user admin from 203.0.113.66 port 40022 ssh2"),
        ("apache.error", "apache.error", "[Sat Nov 21 10:42:29.902022 2026] [core:error] [pid 35708:tid 4328636416] [client 89.160.20.112:51234] File does not exist: /var/www/html/favicon.ico"),
        ("auditd", "auditd", "type=SYSCALL msg=audit(1732240000.123:4711): arch=c000003e syscall=59 success=yes exit=0 a0=55d0c8a0 a1=55d0c8b0 a2=55d0c8c0 a3=0 items=2 ppid=1200 pid=1234 auid=1000 uid=0 gid=0 euid=0 tty=pts0 ses=3 comm=\"bash\" exe=\"/usr/bin/bash\" key=\"exec\""),
        ("cisco.asa", "syslog", "<166>Nov 21 2026 10:00:01 fw-hcm01 : %ASA-6-302013: Built inbound TCP connection 88123 for outside:203.0.113.20/51514 (203.0.113.20/51514) to inside:10.10.1.5/443 (198.51.100.5/443)"),
        ("fortigate", "fortinet", "<189>date=2026-11-21 time=10:10:10 devname=\"FGT-01\" devid=\"FG100F0000000001\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\" srcip=10.20.0.15 srcport=52011 srcintf=\"lan\" dstip=203.0.113.80 dstport=443 dstintf=\"wan1\" proto=6 action=\"deny\" policyid=7"),
        ("json", "json", "{\"@timestamp\":\"2026-11-21T02:00:00Z\",\"user\":{\"name\":\"an\"},\"status\":200,\"message\":\"xin chào\"}"),
    ];
}
