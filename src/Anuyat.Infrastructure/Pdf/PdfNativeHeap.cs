using System.Runtime.InteropServices;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// Stops glibc from handing the PDF engine's scratch memory back to the kernel after every stream. Skia deflates each
/// font and page with zlib, whose working buffers (about 300 KB, in pieces under 128 KB) are freed at the end of each
/// stream; with glibc's default 128 KB trim threshold the heap then shrinks (brk) and grows again on the next stream,
/// and each shrink flushes the TLB on every core. A profile of permit rendering showed 35 % of its processor time in
/// that kernel path and another 9 % zeroing the fresh pages. Keeping up to <see cref="TrimThreshold"/> of free memory
/// per heap arena removes it; allocations below <see cref="MmapThreshold"/> stay on the heap (setting the trim
/// threshold switches off glibc's adaptive mmap threshold, so both are set).
/// </summary>
/// <remarks>
/// Process-wide and done once, when the PDF fonts load. Skipped where it cannot apply (not Linux, no glibc
/// mallopt) and where the operator has chosen their own settings (MALLOC_TRIM_THRESHOLD_, MALLOC_MMAP_THRESHOLD_ or
/// GLIBC_TUNABLES in the environment). Cost: each arena may keep up to 4 MB of freed memory instead of returning it.
/// </remarks>
internal static class PdfNativeHeap
{
    public const int TrimThreshold = 4 * 1024 * 1024;
    public const int MmapThreshold = 1024 * 1024;

    private const int MTrimThreshold = -1; // M_TRIM_THRESHOLD in malloc.h
    private const int MMmapThreshold = -3; // M_MMAP_THRESHOLD

    private static readonly Lazy<bool> Tuned = new(Tune);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MalloptFn(int parameter, int value);

    /// <summary>True once the thresholds are set in this process.</summary>
    public static bool KeepFreedMemory() => Tuned.Value;

    private static bool Tune()
    {
        if (!OperatingSystem.IsLinux()
            || Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is not null
            || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null
            || Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null
            || !NativeLibrary.TryLoad("libc.so.6", out var libc))
        {
            return false;
        }

        if (!NativeLibrary.TryGetExport(libc, "mallopt", out var address))
        {
            return false;
        }

        var mallopt = Marshal.GetDelegateForFunctionPointer<MalloptFn>(address);
        // mallopt returns 1 on success.
        return mallopt(MMmapThreshold, MmapThreshold) == 1 && mallopt(MTrimThreshold, TrimThreshold) == 1;
    }
}
