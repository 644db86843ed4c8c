using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.VictimSelection;

/// <summary>
/// Takes from the VM holding the most above its working set (largest granted - max(active, guarantee)), page by
/// page, so the largest idle excesses are levelled down first.
/// </summary>
/// <remarks>
/// The rule max(current - WSS) of MemFw's host model (issue 5), with the working set (<see cref="VmView.ActivePages"/>)
/// raised to the guarantee, below which nothing may be taken anyway. Open point: once every VM is down to its
/// working set and more is needed, the greedy goes on into the working sets, taking from the VM least far below
/// its own (the excess simply turns negative), never below a guarantee. Computed by water-filling
/// (<see cref="GreedyReclaim"/>): the result is that of the page-by-page greedy, ties to the lowest VM id.
/// </remarks>
[VictimSelector("max-over-wss", Description = "Takes from the VM furthest above its working set, levelling down",
    Source = "MemFw host model (issue 5): max(current - WSS)")]
public sealed class MaxOverWssSelector : IVictimSelector
{
    /// <inheritdoc/>
    public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim)
    {
        HostArguments.Check(host, vms, reclaim, nameof(reclaim));
        var excess = new long[vms.Count];
        for (var i = 0; i < excess.Length; i++)
        {
            excess[i] = vms[i].GrantedPages - Math.Max(vms[i].ActivePages, vms[i].GuaranteePages);
        }

        GreedyReclaim.Take(GreedyReclaim.Reclaimable(vms), pagesNeeded,
            (i, j) => GreedyReclaim.Descending(excess[i] - j), reclaim);
    }
}
