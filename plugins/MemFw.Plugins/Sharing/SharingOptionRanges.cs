namespace MemFw.Plugins.Sharing;

/// <summary>The range check of the sharing scanners' options; it names the option.</summary>
internal static class SharingOptionRanges
{
    /// <summary>Returns <paramref name="value"/> if it is at least <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below <paramref name="minimum"/>.</exception>
    public static int AtLeast(int value, int minimum, string option)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, minimum, option);
        return value;
    }
}
