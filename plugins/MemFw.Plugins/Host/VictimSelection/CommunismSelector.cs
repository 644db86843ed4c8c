using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.VictimSelection;

/// <summary>
/// Cuts every VM every time by an equal part; what a VM cannot give (it reached its guarantee) is spread equally over
/// the others.
/// </summary>
/// <remarks>
/// The "communism" rule of MemFw's host model (issue 5), a baseline that ignores size, shares and use. It is the
/// page-by-page greedy that takes the next page from the VM that has given least so far, computed by water-filling
/// (<see cref="GreedyReclaim"/>): every VM gives min(its reclaimable pages, level), and the pages that do not divide
/// evenly go one each to the lowest VM ids that can still give.
/// </remarks>
[VictimSelector("communism", Description = "Cuts every VM equally; what one cannot give is spread over the others",
    Source = "MemFw host model (issue 5): communism")]
public sealed class CommunismSelector : IVictimSelector
{
    /// <inheritdoc/>
    public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim)
    {
        HostArguments.Check(host, vms, reclaim, nameof(reclaim));
        GreedyReclaim.Take(GreedyReclaim.Reclaimable(vms), pagesNeeded, (_, j) => GreedyReclaim.Ascending(j),
            reclaim);
    }
}
