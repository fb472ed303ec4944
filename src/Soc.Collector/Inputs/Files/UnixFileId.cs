using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Soc.Collector.Inputs.Files;

/// <summary>
/// Device and inode of a file, read with Linux <c>statx</c>, whose result layout is the same on every architecture
/// (unlike <c>struct stat</c>). The pair names the file itself, whatever its path: a renamed file keeps it.
/// </summary>
internal readonly record struct UnixFileId(ulong Device, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxBytes = 256;

    /// <summary>Identifies the file at <paramref name="path"/> (symlinks followed); false when it is gone or not a regular file.</summary>
    public static bool TryGet(string path, out UnixFileId id, out long size)
    {
        var buffer = new byte[StatxBytes];
        return Decode(NativeMethods.Statx(AtFdCwd, path, 0, StatxBasicStats, buffer), buffer, out id, out size);
    }

    /// <summary>Identifies an open file: what was opened, even if the path has been renamed or replaced since.</summary>
    public static UnixFileId Of(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var buffer = new byte[StatxBytes];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var result = NativeMethods.Statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxBasicStats, buffer);
            return Decode(result, buffer, out var id, out _) ? id : throw new IOException("statx failed: errno " + Marshal.GetLastPInvokeError());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    public override string ToString() => $"{Device:x}:{Inode:x}";

    // struct statx: stx_mode u16 @28, stx_ino u64 @32, stx_size u64 @40, stx_dev_major u32 @136, stx_dev_minor u32 @140.
    private static bool Decode(int result, byte[] buffer, out UnixFileId id, out long size)
    {
        id = default;
        size = 0;
        if (result != 0)
        {
            return false;
        }

        var mode = BitConverter.ToUInt16(buffer, 28);
        if ((mode & 0xF000) != 0x8000)
        {
            return false;
        }

        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        id = new UnixFileId(device, BitConverter.ToUInt64(buffer, 32));
        size = (long)BitConverter.ToUInt64(buffer, 40);
        return true;
    }
}
