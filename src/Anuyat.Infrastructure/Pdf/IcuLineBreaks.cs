using System.Runtime.InteropServices;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// Dictionary-based line-break opportunities from the system's ICU (the same libicuuc .NET globalization already
/// loads on Linux). ICU's line iterator knows Thai words, so "คำขอ" stays whole where the dictionary-free rules could
/// only guess syllables. ICU exports its C functions with a version suffix (ubrk_open_72), so the library and the
/// suffix are probed once. Where ICU is absent the caller falls back to <see cref="ThaiLineBreaker"/>'s own rules.
/// </summary>
internal static class IcuLineBreaks
{
    private const int LineBreakIterator = 2; // UBRK_LINE
    private const int Done = -1; // UBRK_DONE

    private static readonly Lazy<Api?> Functions = new(Load);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr OpenFn(int type, [MarshalAs(UnmanagedType.LPStr)] string locale, IntPtr text, int length, ref int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int StepFn(IntPtr iterator);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void CloseFn(IntPtr iterator);

    private sealed record Api(OpenFn Open, StepFn First, StepFn Next, CloseFn Close);

    public static bool IsAvailable => Functions.Value is not null;

    /// <summary>UTF-16 indexes (exclusive of 0 and the end) before which ICU allows a line to start; null without ICU.</summary>
    public static HashSet<int>? Find(string text)
    {
        var api = Functions.Value;
        if (api is null || text.Length == 0)
        {
            return null;
        }

        // ICU does not copy the text: it must stay pinned until the iterator is closed.
        var pinned = GCHandle.Alloc(text, GCHandleType.Pinned);
        var iterator = IntPtr.Zero;
        try
        {
            var status = 0;
            iterator = api.Open(LineBreakIterator, "th", pinned.AddrOfPinnedObject(), text.Length, ref status);
            if (status > 0 || iterator == IntPtr.Zero)
            {
                return null;
            }

            var breaks = new HashSet<int>();
            api.First(iterator);
            for (var position = api.Next(iterator); position != Done; position = api.Next(iterator))
            {
                if (position > 0 && position < text.Length)
                {
                    breaks.Add(position);
                }
            }

            return breaks;
        }
        finally
        {
            if (iterator != IntPtr.Zero)
            {
                api.Close(iterator);
            }

            pinned.Free();
        }
    }

    private static Api? Load()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // Newest first; ICU keeps a stable C API across these versions.
        for (var version = 80; version >= 60; version--)
        {
            if (!NativeLibrary.TryLoad($"libicuuc.so.{version}", out var library))
            {
                continue;
            }

            var suffix = NativeLibrary.TryGetExport(library, $"ubrk_open_{version}", out _) ? $"_{version}" : string.Empty;
            if (NativeLibrary.TryGetExport(library, "ubrk_open" + suffix, out var open)
                && NativeLibrary.TryGetExport(library, "ubrk_first" + suffix, out var first)
                && NativeLibrary.TryGetExport(library, "ubrk_next" + suffix, out var next)
                && NativeLibrary.TryGetExport(library, "ubrk_close" + suffix, out var close))
            {
                return new Api(
                    Marshal.GetDelegateForFunctionPointer<OpenFn>(open),
                    Marshal.GetDelegateForFunctionPointer<StepFn>(first),
                    Marshal.GetDelegateForFunctionPointer<StepFn>(next),
                    Marshal.GetDelegateForFunctionPointer<CloseFn>(close));
            }
        }

        return null;
    }
}
