using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.VictimSelection;

/// <summary>
/// Takes from the VM holding the most above its guarantee (largest granted - guarantee), page by page, so the
/// largest excesses are levelled down first.
/// </summary>
/// <remarks>
/// The rule max(current - guarantee) of MemFw's host model (issue 5), a baseline that ignores shares and working sets.
/// Computed by water-filling (<see cref="GreedyReclaim"/>): the result is that of the page-by-page greedy, whose ties
/// (equal excesses) go to the lowest VM id, one page at a time.
/// </remarks>
[VictimSelector("max-over-guarantee", Description = "Takes from the VM furthest above its guarantee, levelling down",
    Source = "MemFw host model (issue 5): max(current - guarantee)")]
public sealed class MaxOverGuaranteeSelector : IVictimSelector
{
    /// <inheritdoc/>
    public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim)
    {
        HostArguments.Check(host, vms, reclaim, nameof(reclaim));
        var excess = GreedyReclaim.Reclaimable(vms);
        GreedyReclaim.Take(excess, pagesNeeded, (i, j) => GreedyReclaim.Descending(excess[i] - j), reclaim);
    }
}
