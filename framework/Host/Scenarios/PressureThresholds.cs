namespace MemFw.Framework.Host.Scenarios;

/// <summary>
/// The free-memory levels, as fractions of host RAM, that put the host in each <see cref="PressureState"/>; scenario
/// key <c>host.pressure</c>.
/// </summary>
/// <remarks>
/// As free memory falls, the host enters <see cref="PressureState.Soft"/> below <see cref="Soft"/>,
/// <see cref="PressureState.Hard"/> below <see cref="Hard"/> and <see cref="PressureState.Low"/> below
/// <see cref="Low"/>.
/// <see cref="High"/> is the level reclamation restores: a host that has entered a reclaiming state reclaims until free
/// memory is back at <see cref="High"/>, and only then is in <see cref="PressureState.High"/> again, the hysteresis
/// Waldspurger (OSDI 2002, section 6.3) describes. Reading ESX's four numbers (6/4/2/1%) as one entry level per
/// reclaiming state plus the target matches vSphere 4.1+, where the soft, hard and low levels are 64, 32 and 16% of
/// MinFree and MinFree (6%) is the free memory ESX keeps; the paper leaves the exact boundaries open [U].
/// Invariant: 1 &gt; High &gt; Soft &gt; Hard &gt; Low &gt;= 0; <see cref="Low"/> 0 means the host never blocks VMs.
/// </remarks>
public sealed record PressureThresholds
{
    /// <summary>ESX's free-memory states: high/soft/hard/low at 6/4/2/1% free (vmm-facts section 1).</summary>
    public static PressureThresholds Esx { get; } =
        new() { Preset = "esx", High = 0.06, Soft = 0.04, Hard = 0.02, Low = 0.01 };

    /// <summary>
    /// The green/yellow/red zones: yellow (Soft) below 10% free, red (Hard) below 5% (KVM MOM's pressure_critical),
    /// back to green (High) at 20% (MOM's pressure_threshold); no Low state. The 10% yellow level is our choice [U].
    /// </summary>
    public static PressureThresholds Zones { get; } =
        new() { Preset = "zones", High = 0.20, Soft = 0.10, Hard = 0.05, Low = 0 };

    /// <summary>
    /// The preset's name (<c>esx</c>, <c>zones</c>), or <c>custom</c> for thresholds given one by one.
    /// </summary>
    public string Preset { get; init; } = "custom";

    /// <summary>The free fraction reclamation restores, to be back in <see cref="PressureState.High"/>.</summary>
    public double High { get; init; }

    /// <summary>Below this free fraction the host is in <see cref="PressureState.Soft"/> (balloon).</summary>
    public double Soft { get; init; }

    /// <summary>Below this free fraction the host is in <see cref="PressureState.Hard"/> (swap).</summary>
    public double Hard { get; init; }

    /// <summary>Below this free fraction the host is in <see cref="PressureState.Low"/>; 0 for never.</summary>
    public double Low { get; init; }

    /// <summary>
    /// The state for <paramref name="freeFraction"/> reached by falling free memory, without hysteresis: the engine
    /// keeps a reclaiming state until free memory is back at <see cref="High"/>.
    /// </summary>
    public PressureState StateFor(double freeFraction) =>
        freeFraction < Low ? PressureState.Low
        : freeFraction < Hard ? PressureState.Hard
        : freeFraction < Soft ? PressureState.Soft
        : PressureState.High;

    /// <summary>
    /// The state after <paramref name="current"/> when free memory is <paramref name="freeFraction"/>, with the
    /// hysteresis of the remarks: falling free memory enters a lower state at once; rising free memory moves a
    /// reclaiming state up to what <see cref="StateFor"/> says, but never back to <see cref="PressureState.High"/>
    /// before free memory reaches <see cref="High"/>.
    /// </summary>
    public PressureState Next(PressureState current, double freeFraction)
    {
        var fallen = StateFor(freeFraction);
        if (fallen >= current || freeFraction >= High)
        {
            return fallen;
        }

        return fallen == PressureState.High ? PressureState.Soft : fallen;
    }
}
