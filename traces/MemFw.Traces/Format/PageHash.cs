using System.IO.Hashing;

namespace MemFw.Traces.Format;

/// <summary>The content hash of the page-contents table: XXH3-64 with seed 0 over the page's 4096 bytes.</summary>
/// <remarks>
/// XXH3 is specified and implemented widely (xxhash in Python, DuckDB extensions), so a user can recompute it; a
/// match is still only a candidate: sharing code compares the bytes, as real scanners do.
/// </remarks>
public static class PageHash
{
    /// <summary>The hash of a page's bytes.</summary>
    public static ulong Compute(ReadOnlySpan<byte> page) => XxHash3.HashToUInt64(page);

    /// <summary>Whether every byte of the page is zero.</summary>
    public static bool IsZero(ReadOnlySpan<byte> page) => !page.ContainsAnyExcept((byte)0);
}
