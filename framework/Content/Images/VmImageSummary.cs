namespace MemFw.Framework.Content.Images;

/// <summary>What a save wrote: how the pages were stored and how large the image is against the VM's RAM.</summary>
/// <param name="Header">The image's header.</param>
/// <param name="ZeroPages">Pages stored as a zero marker.</param>
/// <param name="ReferencePages">Pages stored as a reference to an earlier page of the image with the same bytes.</param>
/// <param name="CompressedPages">Pages stored compressed: the image's distinct non-zero contents.</param>
/// <param name="HashPages">Pages stored by their hash only (no bytes in the trace).</param>
/// <param name="CompressedBytes">The compressed bytes of <paramref name="CompressedPages"/>, added up.</param>
/// <param name="FileBytes">The size of the image file, header included.</param>
public sealed record VmImageSummary(
    VmImageHeader Header,
    long ZeroPages,
    long ReferencePages,
    long CompressedPages,
    long HashPages,
    long CompressedBytes,
    long FileBytes)
{
    /// <summary>The number of pages in the image.</summary>
    public long Pages => Header.PageCount;

    /// <summary>
    /// The raw size of the VM's RAM in bytes: its RAM size when known, otherwise its pages in the image times the
    /// page size.
    /// </summary>
    public long RawRamBytes => Header.RamBytes > 0 ? Header.RamBytes : Pages * Header.PageSize;

    /// <summary>Raw RAM per image byte: 4 means the image takes a quarter of the RAM it saves.</summary>
    public double Ratio => (double)RawRamBytes / FileBytes;
}
