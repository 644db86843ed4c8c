using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.Balloon;

/// <summary>
/// Xen self-ballooning: each guest balloons itself towards its committed memory, stepping down by a fraction of the
/// gap and up by all of it, never below a floor that grows with its memory.
/// </summary>
/// <remarks>
/// <para>
/// Linux drivers/xen/xen-selfballoon.c, selfballoon_process (Magenheimer, 2011). For each guest with a balloon
/// driver: cur = memory - balloon (totalram_pages); goal = <see cref="VmView.TouchedPages"/> (standing for
/// Committed_AS, the memory the guest has committed) + reserve (totalreserve_pages,
/// <see cref="XenSelfBalloonOptions.ReservePages"/>); if cur &gt; goal, target = cur - (cur - goal) / down, and if
/// cur &lt; goal, target = cur + (goal - cur) / up, in integer division as in the driver.
/// </para>
/// <para>
/// The floor, with max_pfn = <see cref="VmView.MemoryPages"/> and useful = max_pfn - reserve: below 16 MiB of
/// useful memory, max_pfn (not worth ballooning); below 64 MiB, reserve + 16 MiB + (useful - 16 MiB) / 2; below
/// 512 MiB, reserve + 40 MiB + (useful - 40 MiB) / 8; else reserve + 99 MiB + (useful - 99 MiB) / 32 (a piecewise
/// linear function ending in a slope of about 3%); 1 MiB is 256 pages of 4 KiB. The balloon target is
/// memory - max(target, floor).
/// </para>
/// <para>
/// It is the guest's own policy, so it ignores host pressure. Not modelled: the driver's optional
/// selfballoon_min_usable_mb floor, selfballoon_reserved_mb, and the frontswap pages added to the goal when
/// frontswap self-shrinking is on.
/// </para>
/// </remarks>
[BalloonStrategy("xen-selfballoon", Description = "Xen self-ballooning: towards committed memory, 1/8 down, all up",
    Source = "Linux drivers/xen/xen-selfballoon.c (selfballoon_process)")]
public sealed class XenSelfBalloonStrategy : IBalloonStrategy
{
    /// <summary>Pages of 4 KiB in one MiB.</summary>
    private const long PagesPerMiB = 256;

    private readonly XenSelfBalloonOptions _options;

    /// <summary>Creates the strategy.</summary>
    public XenSelfBalloonStrategy(XenSelfBalloonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc/>
    public void SetTargets(HostView host, IReadOnlyList<VmView> vms, Span<long> targets)
    {
        HostArguments.Check(host, vms, targets, nameof(targets));
        for (var i = 0; i < vms.Count; i++)
        {
            var vm = vms[i];
            var current = BalloonBounds.GuestCurrent(vm);
            var goal = vm.TouchedPages + _options.ReservePages;
            var target = current > goal ? current - ((current - goal) / _options.DownHysteresis)
                : current + ((goal - current) / _options.UpHysteresis);
            targets[i] = BalloonBounds.Of(vm, vm.MemoryPages - Math.Max(target, Floor(vm.MemoryPages)));
        }
    }

    /// <summary>The driver's floor for a guest of <paramref name="maxPfn"/> pages.</summary>
    private long Floor(long maxPfn)
    {
        var reserve = _options.ReservePages;
        var useful = maxPfn - reserve;
        return useful switch
        {
            < 16 * PagesPerMiB => maxPfn,
            < 64 * PagesPerMiB => reserve + (16 * PagesPerMiB) + ((useful - (16 * PagesPerMiB)) >> 1),
            < 512 * PagesPerMiB => reserve + (40 * PagesPerMiB) + ((useful - (40 * PagesPerMiB)) >> 3),
            _ => reserve + (99 * PagesPerMiB) + ((useful - (99 * PagesPerMiB)) >> 5),
        };
    }
}
