using Soc.Detection.Events;

namespace Soc.Detection.Tests.Parsing;

public sealed class NetworkDeviceTests
{
    [Fact]
    public void ReadsAsaBuiltInboundConnection()
    {
        var ev = TestRecords.Normalize("syslog",
            "<166>Nov 21 2026 10:00:01 fw-hcm01 : %ASA-6-302013: Built inbound TCP connection 88123 for outside:203.0.113.20/51514 (203.0.113.20/51514) to inside:10.10.1.5/443 (198.51.100.5/443)");
        Assert.Equal("cisco.asa", ev.GetString(EcsFields.EventDataset));
        Assert.Equal("fw-hcm01", ev.GetString(EcsFields.HostName));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 1, TimeSpan.FromHours(7)), ev.Timestamp);
        Assert.Equal("203.0.113.20", ev.GetString(EcsFields.SourceIp));
        Assert.Equal(51514L, ev[EcsFields.SourcePort]);
        Assert.Equal("10.10.1.5", ev.GetString(EcsFields.DestinationIp));
        Assert.Equal(443L, ev[EcsFields.DestinationPort]);
        Assert.Equal("allow", ev.GetString(EcsFields.EventAction));
        Assert.Equal("302013", ev.GetString("cisco.mnemonic"));
        Assert.Equal("Cisco", ev.GetString("observer.vendor"));
    }

    [Fact]
    public void ReadsAsaDenyAndAdminLogin()
    {
        var deny = TestRecords.Normalize("cisco",
            "<164>%ASA-4-106023: Deny tcp src outside:198.51.100.9/4444 dst inside:10.0.0.8/3389 by access-group \"OUTSIDE_IN\" [0x0, 0x0]");
        Assert.Equal("deny", deny.GetString(EcsFields.EventAction));
        Assert.Equal("failure", deny.GetString(EcsFields.EventOutcome));
        Assert.Equal("198.51.100.9", deny.GetString(EcsFields.SourceIp));
        Assert.Equal(3389L, deny[EcsFields.DestinationPort]);
        Assert.Equal("OUTSIDE_IN", deny.GetString("cisco.list_id"));

        var login = TestRecords.Normalize("syslog",
            "<165>Nov 21 10:02:00 fw-hcm01 %ASA-5-605004: Login denied from 203.0.113.7/50000 to outside:198.51.100.1/ssh for user \"admin\"");
        Assert.Equal("login", login.GetString(EcsFields.EventAction));
        Assert.Equal("failure", login.GetString(EcsFields.EventOutcome));
        Assert.Equal("admin", login.GetString(EcsFields.UserName));
        Assert.Equal("203.0.113.7", login.GetString(EcsFields.SourceIp));
    }

    [Fact]
    public void ReadsIosLoginAndAclLog()
    {
        var login = TestRecords.Normalize("syslog",
            "<189>1502: Nov 21 10:05:00.123: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: netadmin] [Source: 10.1.1.50] [localport: 22] at 10:05:00 ICT Sat Nov 21 2026");
        Assert.Equal("cisco.ios", login.GetString(EcsFields.EventDataset));
        Assert.Equal("netadmin", login.GetString(EcsFields.UserName));
        Assert.Equal("10.1.1.50", login.GetString(EcsFields.SourceIp));
        Assert.Equal("success", login.GetString(EcsFields.EventOutcome));
        Assert.Equal(new DateTimeOffset(2023, 11, 21, 10, 5, 0, 123, TimeSpan.FromHours(7)), login.Timestamp); // clock: 2024-06-01
        Assert.Equal("%SEC_LOGIN-5-LOGIN_SUCCESS", login.GetString(EcsFields.ProcessName)); // not the sequence number "1502"

        var unsynced = TestRecords.Normalize("syslog", "<189>77: *Nov 21 10:07:00.5: %SYS-5-CONFIG_I: Configured from console by netadmin on vty0 (10.1.1.50)");
        Assert.Equal("configuration-change", unsynced.GetString(EcsFields.EventAction));
        Assert.Equal("netadmin", unsynced.GetString(EcsFields.UserName));
        Assert.Equal("10.1.1.50", unsynced.GetString(EcsFields.SourceIp));
        Assert.Equal(10, unsynced.Timestamp.Hour);

        var acl = TestRecords.Normalize("syslog",
            "<190>Nov 21 10:06:00 core-sw %SEC-6-IPACCESSLOGP: list 101 denied tcp 10.2.2.2(40000) -> 10.3.3.3(23), 1 packet");
        Assert.Equal("cisco.ios", acl.GetString(EcsFields.EventDataset));
        Assert.Equal("deny", acl.GetString(EcsFields.EventAction));
        Assert.Equal("10.2.2.2", acl.GetString(EcsFields.SourceIp));
        Assert.Equal(23L, acl[EcsFields.DestinationPort]);
    }

    [Fact]
    public void ReadsFortigateTrafficAndAdminLogin()
    {
        var traffic = TestRecords.Normalize("fortinet",
            "<189>date=2026-11-21 time=10:10:10 devname=\"FGT-SOTTTT\" devid=\"FG100F0000000001\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\" srcip=10.20.0.15 srcport=52011 srcintf=\"lan\" dstip=203.0.113.80 dstport=443 dstintf=\"wan1\" proto=6 action=\"deny\" policyid=7");
        Assert.Equal("fortinet.fortigate", traffic.GetString(EcsFields.EventDataset));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 10, 10, TimeSpan.FromHours(7)), traffic.Timestamp);
        Assert.Equal("10.20.0.15", traffic.GetString(EcsFields.SourceIp));
        Assert.Equal(443L, traffic[EcsFields.DestinationPort]);
        Assert.Equal("deny", traffic.GetString(EcsFields.EventAction));
        Assert.Equal("deny", traffic.GetString("fortinet.firewall.action"));
        Assert.Equal("FGT-SOTTTT", traffic.GetString("observer.name"));

        var admin = TestRecords.Normalize("syslog",
            "<190>date=2026-11-21 time=10:11:00 devname=\"FGT-SOTTTT\" devid=\"FG100F0000000001\" logid=\"0100032001\" type=\"event\" subtype=\"system\" level=\"information\" user=\"admin\" ui=\"https(10.20.0.2)\" srcip=10.20.0.2 action=\"login\" status=\"success\" msg=\"Administrator admin logged in successfully from https(10.20.0.2)\"");
        Assert.Equal("login", admin.GetString(EcsFields.EventAction));
        Assert.Equal("success", admin.GetString(EcsFields.EventOutcome));
        Assert.Equal("admin", admin.GetString(EcsFields.UserName));
        Assert.Equal("Administrator admin logged in successfully from https(10.20.0.2)", admin.Message);
    }

    [Fact]
    public void ReadsPfsenseFilterlog()
    {
        var ev = TestRecords.Normalize("pfsense",
            "<134>Nov 21 10:20:00 pfsense filterlog[7788]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,12345,0,DF,6,tcp,60,198.51.100.23,10.0.0.10,51515,22,0,S,1234567,,64240,,mss");
        Assert.Equal("pfsense.filterlog", ev.GetString(EcsFields.EventDataset));
        Assert.Equal("deny", ev.GetString(EcsFields.EventAction));
        Assert.Equal("198.51.100.23", ev.GetString(EcsFields.SourceIp));
        Assert.Equal("10.0.0.10", ev.GetString(EcsFields.DestinationIp));
        Assert.Equal(51515L, ev[EcsFields.SourcePort]);
        Assert.Equal(22L, ev[EcsFields.DestinationPort]);
        Assert.Equal("igb0", ev.GetString("observer.ingress.interface.name"));
        Assert.Equal("inbound", ev.GetString("network.direction"));

        var v6 = TestRecords.Normalize("pfsense",
            "<134>Nov 21 10:20:01 pfsense filterlog[7788]: 9,,,1000000105,igb1,match,pass,out,6,0x00,0x00000,64,udp,17,45,2001:db8::10,2001:db8:1::53,40000,53,45");
        Assert.Equal("allow", v6.GetString(EcsFields.EventAction));
        Assert.Equal("2001:db8:1::53", v6.GetString(EcsFields.DestinationIp));
        Assert.Equal(53L, v6[EcsFields.DestinationPort]);
    }
}
