using System.Runtime.InteropServices;

namespace Soc.Collector.Inputs.Files;

/// <summary>
/// The few libc calls .NET does not expose: <c>statx</c> for device/inode and <c>fsync</c> of a directory (so a
/// renamed checkpoint file survives a power cut). DllImport rather than LibraryImport: the latter needs unsafe code
/// enabled for the whole project, and these calls are not on a hot path.
/// </summary>
internal static class NativeMethods
{
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirFd, byte[] path, int flags, uint mask, [In, Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern int Close(int fd);

    internal static int Statx(int dirFd, string path, int flags, uint mask, byte[] buffer) =>
        Statx(dirFd, CString(path), flags, mask, buffer);

    // Paths go to libc as NUL-terminated UTF-8, which is what Linux file names are in practice.
    private static byte[] CString(string value) => System.Text.Encoding.UTF8.GetBytes(value + "\0");

    /// <summary>Flushes a directory's entries (e.g. a rename inside it) to disk.</summary>
    internal static void FsyncDirectory(string path)
    {
        // O_RDONLY (0) opens a directory on every architecture; O_DIRECTORY's value differs between them.
        var fd = Open(CString(path), 0);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {path}: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"cannot fsync directory {path}: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }
}
