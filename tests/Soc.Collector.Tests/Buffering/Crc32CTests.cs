using System.Text;
using Soc.Collector.Buffering;

namespace Soc.Collector.Tests.Buffering;

public sealed class Crc32CTests
{
    [Fact]
    public void MatchesTheStandardCheckValue()
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xE3069283u, Crc32C.Compute(data));
        Assert.Equal(0xE3069283u, Crc32C.ComputeWithTable(data));
    }

    [Fact]
    public void HardwareAndTablePathsAgreeOnRandomInputsOfEveryLength()
    {
        var random = new Random(5);
        for (var length = 0; length < 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Crc32C.ComputeWithTable(data), Crc32C.Compute(data));
        }
    }

    [Fact]
    public void AppendingInPiecesEqualsComputingAtOnce()
    {
        var data = Encoding.UTF8.GetBytes("một dòng nhật ký syslog từ máy chủ web");
        var state = Crc32C.Append(~0u, data.AsSpan(0, 7));
        state = Crc32C.Append(state, data.AsSpan(7));
        Assert.Equal(Crc32C.Compute(data), ~state);
    }
}
