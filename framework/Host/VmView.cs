namespace MemFw.Framework.Host;

/// <summary>
/// One VM as host policies see it: its quota and where its pages are. The engine updates it in place; sizes are in
/// 4 KiB pages. Counter names follow esxtop (granted, active, ballooned, swapped) so results line up with a real host.
/// </summary>
public sealed class VmView
{
    /// <summary>The VM's index in the scenario, 0..n-1.</summary>
    public int Id { get; internal init; }

    /// <summary>The VM's name.</summary>
    public string Name { get; internal init; } = "";

    /// <summary>Relative priority (ESX shares): high = 2 x normal = 4 x low.</summary>
    public int Shares { get; internal init; }

    /// <summary>Installed guest RAM (ESX max / configured size).</summary>
    public long MemoryPages { get; internal set; }

    /// <summary>Guaranteed minimum of machine memory (ESX min / reservation), enforced by admission control.</summary>
    public long GuaranteePages { get; internal init; }

    /// <summary>The most machine memory the VM may hold (ESX limit).</summary>
    public long LimitPages { get; internal init; }

    /// <summary>The hot-plug ceiling of guest RAM (maxmem); at least <see cref="MemoryPages"/>.</summary>
    public long MaxMemPages { get; internal init; }

    /// <summary>Whether the guest runs a balloon driver.</summary>
    public bool HasBalloon { get; internal init; }

    /// <summary>Machine frames backing the VM's pages now (esxtop GRANT).</summary>
    public long GrantedPages { get; internal set; }

    /// <summary>The working-set estimate of the VM's estimator (esxtop ACTV).</summary>
    public long ActivePages { get; internal set; }

    /// <summary>Guest pages touched at least once so far: the guest's used memory; the rest is guest-free.</summary>
    public long TouchedPages { get; internal set; }

    /// <summary>Pages the balloon driver holds (esxtop MCTLSZ).</summary>
    public long BalloonPages { get; internal set; }

    /// <summary>The balloon size the VMM asks for (esxtop MCTLTGT).</summary>
    public long BalloonTargetPages { get; internal set; }

    /// <summary>Pages the VMM swapped to its backing store (esxtop SWCUR).</summary>
    public long SwappedPages { get; internal set; }

    /// <summary>Pages the guest swapped out itself to give memory to its balloon.</summary>
    public long GuestSwappedPages { get; internal set; }

    /// <summary>Pages the VMM may take from the VM without going below its guarantee.</summary>
    public long ReclaimablePages => Math.Max(0, GrantedPages - GuaranteePages);
}
