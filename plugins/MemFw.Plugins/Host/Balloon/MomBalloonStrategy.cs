using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Host.Balloon;

/// <summary>
/// KVM MOM's auto-balloon rules: when host free memory is below the pressure threshold every guest shrinks towards
/// its used memory plus a free margin scaled by host pressure, else every ballooned guest grows; at most a bounded
/// change per step, and no change too small to be worth it.
/// </summary>
/// <remarks>
/// <para>
/// oVirt MOM (Memory Overcommitment Manager), doc/balloon.rules (commit e0f3d3b), with the defaults of
/// <see cref="MomBalloonOptions"/>. host_free = <see cref="HostView.FreeFraction"/>; for each guest with a balloon
/// driver, cur = memory - balloon (MOM's balloon_cur, the guest's current memory), used =
/// <see cref="VmView.TouchedPages"/> (MOM's balloon_cur - mem_unused), min = <see cref="VmView.GuaranteePages"/>
/// (balloon_min) and max = <see cref="VmView.MemoryPages"/> (balloon_max).
/// </para>
/// <para>
/// Shrink (host_free &lt; threshold): free = host_free - critical if host_free &lt;= critical, else
/// min_guest_free x host_free / threshold; size = max(cur x (1 - max_change), max(min, used + free x cur)); set if
/// size &lt;= cur. Grow (otherwise, only if cur &lt; max): size = min(max, max(cur x (1 + max_change),
/// max(min, used + min_guest_free x cur))). A size is set only if |size - cur| &gt; min_change x cur; otherwise the
/// previous target (<see cref="VmView.BalloonTargetPages"/>) stands, as MOM leaves its controller untouched. The
/// balloon target is memory - size.
/// </para>
/// <para>
/// Choices: the rules write the critical offset as the literal -0.05, the default of pressure_critical; we use the
/// option so the two move together. MOM averages its statistics over 10 samples; we use the values at the
/// rebalancing point. Sizes are rounded down to whole pages.
/// </para>
/// </remarks>
[BalloonStrategy("mom", Description = "KVM MOM: shrink all guests under host pressure, else grow; bounded steps",
    Source = "oVirt MOM, doc/balloon.rules")]
public sealed class MomBalloonStrategy : IBalloonStrategy
{
    private readonly MomBalloonOptions _options;

    /// <summary>Creates the strategy.</summary>
    public MomBalloonStrategy(MomBalloonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc/>
    public void SetTargets(HostView host, IReadOnlyList<VmView> vms, Span<long> targets)
    {
        HostArguments.Check(host, vms, targets, nameof(targets));
        var hostFree = host.FreeFraction;
        var pressure = hostFree < _options.PressureThreshold;
        var guestFree = !pressure ? _options.MinGuestFreePercent
            : hostFree <= _options.PressureCritical ? hostFree - _options.PressureCritical
            : _options.MinGuestFreePercent * hostFree / _options.PressureThreshold;
        for (var i = 0; i < vms.Count; i++)
        {
            var vm = vms[i];
            var size = pressure ? Shrink(vm, guestFree) : Grow(vm, guestFree);
            targets[i] = BalloonBounds.Of(vm, size is { } pages ? vm.MemoryPages - pages : vm.BalloonTargetPages);
        }
    }

    /// <summary>The guest's new size under pressure, or null to leave it.</summary>
    private long? Shrink(VmView vm, double guestFree)
    {
        var current = BalloonBounds.GuestCurrent(vm);
        var size = Math.Max(current * (1 - _options.MaxBalloonChangePercent), Desired(vm, current, guestFree));
        return size <= current ? WorthIt(current, size) : null;
    }

    /// <summary>The guest's new size without pressure, or null to leave it.</summary>
    private long? Grow(VmView vm, double guestFree)
    {
        var current = BalloonBounds.GuestCurrent(vm);
        if (current >= vm.MemoryPages)
        {
            return null;
        }

        var size = Math.Min(vm.MemoryPages,
            Math.Max(current * (1 + _options.MaxBalloonChangePercent), Desired(vm, current, guestFree)));
        return WorthIt(current, size);
    }

    /// <summary>MOM's balloon_min: the size that leaves the guest its used memory plus the free margin.</summary>
    private static double Desired(VmView vm, long current, double guestFree) =>
        Math.Max(vm.GuaranteePages, vm.TouchedPages + (guestFree * current));

    /// <summary>MOM's change_big_enough: the size in whole pages if the change is large enough, else null.</summary>
    private long? WorthIt(long current, double size) =>
        Math.Abs(size - current) > _options.MinBalloonChangePercent * current ? (long)Math.Floor(size) : null;
}
