namespace MemFw.Framework.Content.Sharing;

/// <summary>The state of a <see cref="SharingSpace"/> in the counters operators read from KSM and esxtop.</summary>
/// <remarks>
/// A frame holds shared content when two or more guest pages map it; a frame with one page left after copy-on-write
/// breaks is an ordinary frame again. (KSM's own <c>pages_shared</c> keeps counting a KSM page until its last mapper
/// goes, and updates only when its scanner next passes: here every counter is exact at once.) All counts are pages
/// of 4 KiB. Identities: <c>Pages - FramesInUse = PagesSharing = Saved</c>; <c>Shared = PagesShared +
/// PagesSharing</c>.
/// </remarks>
/// <param name="Pages">Guest pages in the space.</param>
/// <param name="FramesInUse">Machine frames backing them.</param>
/// <param name="PagesShared">KSM's <c>pages_shared</c>: frames holding shared content.</param>
/// <param name="PagesSharing">KSM's <c>pages_sharing</c>: pages sharing them beyond the first (frames saved).</param>
/// <param name="ZeroPages">esxtop's ZERO: pages on a shared all-zero frame (part of <see cref="Shared"/>).</param>
/// <param name="UnknownPages">Pages written since their last snapshot: content unknown, never merged.</param>
public readonly record struct SharingCounters(
    long Pages, long FramesInUse, long PagesShared, long PagesSharing, long ZeroPages, long UnknownPages)
{
    /// <summary>esxtop's SHRD (vSphere <c>mem.shared</c>): guest pages mapped to shared frames.</summary>
    public long Shared => PagesShared + PagesSharing;

    /// <summary>vSphere's <c>mem.sharedcommon</c> (shared_common): machine frames backing shared pages.</summary>
    public long SharedCommon => PagesShared;

    /// <summary>esxtop's SHRDSVD: machine frames saved by sharing (<c>Shared - SharedCommon</c>).</summary>
    public long Saved => PagesSharing;
}
