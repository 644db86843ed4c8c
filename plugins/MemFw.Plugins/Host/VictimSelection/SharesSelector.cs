using System.Numerics;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.VictimSelection;

/// <summary>
/// Reclaims from every VM at once, in proportion to the memory it holds above its guarantee but does not use,
/// divided by its shares; its working set is touched only when no such idle memory is left anywhere.
/// </summary>
/// <remarks>
/// <para>
/// MemFw's host model (issue 5) states the rule as "reclaim in proportion to (WSS - guarantee) / (current - guarantee)
/// weighted by shares", with the intent that a VM using little of its memory above its guarantee, and having few
/// shares, gives more. Taken literally the ratio u = (WSS - G) / (C - G) grows with use and shares would raise a
/// VM's part: the opposite of the intent. So the weight here is VM i's unused reclaimable memory per share,
/// w = (1 - u) (C - G) / S = (C - max(WSS, G)) / S: (1 - u) is the unused fraction of what may be taken; multiplying
/// by C - G turns it into pages, so a large idle VM gives more than a small one with the same fraction; dividing by
/// S makes shares protect, as in ESX's proportional-share allocation (Waldspurger, OSDI 2002, section 5.1).
/// </para>
/// <para>
/// Stage 1 splits the need in proportion to w, no VM giving more than its idle pages C - max(WSS, G). If the idle
/// pages of all VMs do not cover the need, stage 2 splits the rest the same way over the working-set pages above the
/// guarantee, weight (max(WSS, G) - G) / S, so the total is min(need, sum of reclaimable pages). Here C =
/// <see cref="VmView.GrantedPages"/>, WSS = <see cref="VmView.ActivePages"/> (a WSS above C counts as C),
/// G = <see cref="VmView.GuaranteePages"/> and S = <see cref="VmView.Shares"/> (below 1 counts as 1). Rounding: each
/// stage is exact in whole pages by the largest-remainder method, ties to the lowest VM id
/// (<see cref="ProportionalShare"/>).
/// </para>
/// </remarks>
[VictimSelector("shares", Description = "Takes idle memory above guarantees in proportion to idle pages per share",
    Source = "MemFw host model (issue 5): shares and working set; proportional share after Waldspurger, OSDI 2002")]
public sealed class SharesSelector : IVictimSelector
{
    /// <inheritdoc/>
    public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim)
    {
        HostArguments.Check(host, vms, reclaim, nameof(reclaim));
        var idle = new long[vms.Count];
        var busy = new long[vms.Count];
        var multiple = BigInteger.One;
        foreach (var vm in vms)
        {
            multiple = LeastCommonMultiple(multiple, Shares(vm));
        }

        var idleWeights = new BigInteger[vms.Count];
        var busyWeights = new BigInteger[vms.Count];
        for (var i = 0; i < vms.Count; i++)
        {
            var vm = vms[i];
            idle[i] = Math.Max(0, vm.GrantedPages - Math.Max(vm.ActivePages, vm.GuaranteePages));
            busy[i] = vm.ReclaimablePages - idle[i];
            var perShare = multiple / Shares(vm);
            idleWeights[i] = idle[i] * perShare;
            busyWeights[i] = busy[i] * perShare;
        }

        var fromIdle = ProportionalShare.Apportion(idle, idleWeights, pagesNeeded, reclaim);
        var fromBusy = new long[vms.Count];
        ProportionalShare.Apportion(busy, busyWeights, pagesNeeded - fromIdle, fromBusy);
        for (var i = 0; i < vms.Count; i++)
        {
            reclaim[i] += fromBusy[i];
        }
    }

    private static int Shares(VmView vm) => Math.Max(1, vm.Shares);

    private static BigInteger LeastCommonMultiple(BigInteger a, BigInteger b) =>
        a / BigInteger.GreatestCommonDivisor(a, b) * b;
}
