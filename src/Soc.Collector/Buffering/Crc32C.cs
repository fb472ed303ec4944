using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Soc.Collector.Buffering;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of every queue frame.
/// System.IO.Hashing is not in our package registry; the CPU's crc32 instruction (SSE4.2 / ARMv8) is used
/// when present and a table otherwise. Both give the same value: check value of "123456789" is 0xE3069283.
/// </summary>
public static class Crc32C
{
    private const uint Polynomial = 0x82F63B78;
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(~0u, data);

    /// <summary>Continues a running (non-inverted) CRC state; start with ~0 and invert the result.</summary>
    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            return AppendSse42(state, data);
        }

        if (Crc32.Arm64.IsSupported)
        {
            return AppendArm(state, data);
        }

        return AppendTable(state, data);
    }

    internal static uint ComputeWithTable(ReadOnlySpan<byte> data) => ~AppendTable(~0u, data);

    private static uint AppendTable(uint state, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            state = Table[(byte)(state ^ b)] ^ (state >> 8);
        }

        return state;
    }

    private static uint AppendSse42(uint state, ReadOnlySpan<byte> data)
    {
        ulong wide = state;
        while (data.Length >= 8)
        {
            wide = Sse42.X64.Crc32(wide, BitConverter.ToUInt64(data));
            data = data[8..];
        }

        state = (uint)wide;
        foreach (var b in data)
        {
            state = Sse42.Crc32(state, b);
        }

        return state;
    }

    private static uint AppendArm(uint state, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            state = Crc32.Arm64.ComputeCrc32C(state, BitConverter.ToUInt64(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            state = Crc32.ComputeCrc32C(state, b);
        }

        return state;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }
}
