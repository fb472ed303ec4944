using System.Buffers.Binary;

namespace Soc.Collector.Buffering;

/// <summary>The on-disk format (README "On-disk format"): constants and the one frame decoder.</summary>
public sealed partial class DiskQueue
{
    /// <summary>"SOCQSEG1": every segment file starts with it; a file without it is not ours or is damaged.</summary>
    internal static ReadOnlySpan<byte> FileMagic => "SOCQSEG1"u8;

    internal const int FileHeaderBytes = 8;

    /// <summary>u32 payload length, u32 CRC-32C of (sequence bytes + payload), u64 sequence; little-endian.</summary>
    internal const int FrameHeaderBytes = 16;

    /// <summary>A frame claiming more is damage, not data: inputs cap messages far below this.</summary>
    internal const int MaxPayloadBytes = 16 * 1024 * 1024;

    internal enum FrameStatus
    {
        Whole,
        NeedMoreBytes,
        Damaged,
    }

    /// <summary>Decodes the frame at the start of <paramref name="buffer"/> and checks its length, checksum and sequence.</summary>
    internal static FrameStatus TryDecodeFrame(ReadOnlySpan<byte> buffer, long expectedSequence, out int frameBytes)
    {
        frameBytes = 0;
        if (buffer.Length < FrameHeaderBytes)
        {
            return FrameStatus.NeedMoreBytes;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(buffer);
        if (length is < 0 or > MaxPayloadBytes)
        {
            return FrameStatus.Damaged;
        }

        if (buffer.Length < FrameHeaderBytes + length)
        {
            return FrameStatus.NeedMoreBytes;
        }

        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(buffer[4..]);
        var sequence = BinaryPrimitives.ReadInt64LittleEndian(buffer[8..]);
        var crc = ~Crc32C.Append(Crc32C.Append(~0u, buffer.Slice(8, 8)), buffer.Slice(FrameHeaderBytes, length));
        if (crc != storedCrc || sequence != expectedSequence)
        {
            return FrameStatus.Damaged;
        }

        frameBytes = FrameHeaderBytes + length;
        return FrameStatus.Whole;
    }
}
