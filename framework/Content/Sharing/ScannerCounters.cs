namespace MemFw.Framework.Content.Sharing;

/// <summary>
/// A scanner's own counters, named as KSM's sysfs files and esxtop show them; a scanner without one leaves it 0.
/// </summary>
/// <param name="PagesScanned">Pages looked at so far (KSM: counted against <c>pages_to_scan</c>).</param>
/// <param name="FullScans">KSM's <c>full_scans</c>: passes over every mergeable page completed.</param>
/// <param name="PagesUnshared">KSM's <c>pages_unshared</c>: pages in the unstable tree (unique, checked again).</param>
/// <param name="PagesVolatile">KSM's <c>pages_volatile</c>: pages whose last look found them changing.</param>
/// <param name="HintFrames">ESX's hint frames (esxtop COWH): pages hashed once and waiting for a match.</param>
public readonly record struct ScannerCounters(
    long PagesScanned, long FullScans, long PagesUnshared, long PagesVolatile, long HintFrames);
