namespace MemFw.Plugins.Sharing;

/// <summary>Options of <see cref="KsmSharingScanner"/>, named after KSM's sysfs files.</summary>
public sealed record KsmSharingOptions
{
    /// <summary>
    /// Pages scanned per period (<c>pages_to_scan</c>). Default 100 (KSM's default,
    /// Documentation/admin-guide/mm/ksm.rst); at least 1.
    /// </summary>
    public int PagesToScan
    {
        get;
        init => field = SharingOptionRanges.AtLeast(value, 1, "pages-to-scan");
    } = 100;

    /// <summary>
    /// Milliseconds between two periods (<c>sleep_millisecs</c>): the scan period. Default 20 (KSM's default); at
    /// least 1. The time a scan itself takes is not added.
    /// </summary>
    public int SleepMilliseconds
    {
        get;
        init => field = SharingOptionRanges.AtLeast(value, 1, "sleep-milliseconds");
    } = 20;

    /// <summary>
    /// Most guest pages one merged frame may back (<c>max_page_sharing</c>). Default 256 (KSM's default, mm/ksm.c);
    /// at least 2.
    /// </summary>
    public int MaxPageSharing
    {
        get;
        init => field = SharingOptionRanges.AtLeast(value, 2, "max-page-sharing");
    } = 256;
}
