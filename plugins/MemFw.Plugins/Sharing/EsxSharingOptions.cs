namespace MemFw.Plugins.Sharing;

/// <summary>Options of <see cref="EsxSharingScanner"/>: the scan period and the two rate limits.</summary>
public sealed record EsxSharingOptions
{
    /// <summary>
    /// Milliseconds of host time one period stands for. Default 1000, so that the per-period limits below are ESX's
    /// per-second knobs unchanged; at least 1.
    /// </summary>
    /// <remarks>
    /// ESX states its scan rates per second (<c>ShareScanVM</c> 50 pages/s per VM, <c>ShareScanTotal</c> 200 pages/s,
    /// ESX administration guide). A one-second period keeps them exact integers; a shorter one would round them
    /// (20 ms: 1 page per VM, 4 in all). A second is short against the time ESX needs to find most sharing (a 128 MiB
    /// guest has 32,768 pages: over ten minutes at 50 pages/s), so savings curves are smooth at this step.
    /// </remarks>
    public int PeriodMilliseconds
    {
        get;
        init => field = SharingOptionRanges.AtLeast(value, 1, "period-milliseconds");
    } = 1000;

    /// <summary>
    /// Pages scanned per VM per period. Default 50 (<c>ShareScanVM</c>, 50 pages/s per VM, over a 1 s period); at
    /// least 1.
    /// </summary>
    public int PagesPerVm
    {
        get;
        init => field = SharingOptionRanges.AtLeast(value, 1, "pages-per-vm");
    } = 50;

    /// <summary>
    /// Pages scanned host-wide per period. Default 200 (<c>ShareScanTotal</c>, 200 pages/s, over a 1 s period); at
    /// least 1.
    /// </summary>
    public int PagesTotal
    {
        get;
        init => field = SharingOptionRanges.AtLeast(value, 1, "pages-total");
    } = 200;
}
