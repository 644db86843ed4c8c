namespace MemFw.Framework.Host.Engine;

/// <summary>
/// One VM at the end of a host run. Sizes are 4 KiB pages at the end; event counts cover the whole run. Names follow
/// esxtop (granted, active, ballooned, swapped), so a result lines up with what a real host reports.
/// </summary>
public sealed record VmResult
{
    /// <summary>The VM's name.</summary>
    public required string Name { get; init; }

    /// <summary>RAM accesses replayed.</summary>
    public long Accesses { get; init; }

    /// <summary>Device-memory accesses, not replayed.</summary>
    public long IoAccesses { get; init; }

    /// <summary>Distinct guest pages touched.</summary>
    public long Touched { get; init; }

    /// <summary>Installed guest RAM at the end (above the configured size after hot-plug).</summary>
    public long Memory { get; init; }

    /// <summary>Machine frames backing the VM (esxtop GRANT).</summary>
    public long Granted { get; init; }

    /// <summary>The most machine frames held at once.</summary>
    public long PeakGranted { get; init; }

    /// <summary>The working-set estimate (esxtop ACTV).</summary>
    public long Active { get; init; }

    /// <summary>The balloon's size (esxtop MCTLSZ).</summary>
    public long Ballooned { get; init; }

    /// <summary>The balloon target (esxtop MCTLTGT).</summary>
    public long BalloonTarget { get; init; }

    /// <summary>Pages in the VMM's backing store (esxtop SWCUR).</summary>
    public long Swapped { get; init; }

    /// <summary>Pages in the guest's own swap.</summary>
    public long GuestSwapped { get; init; }

    /// <summary>Accesses to pages without a machine frame, first touches included.</summary>
    public long Faults { get; init; }

    /// <summary>First accesses to a page.</summary>
    public long FirstTouches { get; init; }

    /// <summary>Accesses to pages the guest did not hold.</summary>
    public long GuestFaults { get; init; }

    /// <summary>Pages the VMM read back from its backing store (esxtop's SWR/s, as a count).</summary>
    public long SwapIns { get; init; }

    /// <summary>Pages the VMM swapped out (esxtop's SWW/s, as a count).</summary>
    public long SwapOuts { get; init; }

    /// <summary>Dirty pages the VMM wrote to its backing store.</summary>
    public long WriteBacks { get; init; }

    /// <summary>Pages the guest read back from its swap.</summary>
    public long GuestSwapIns { get; init; }

    /// <summary>Pages the guest swapped out.</summary>
    public long GuestSwapOuts { get; init; }

    /// <summary>Dirty pages the guest wrote to its swap.</summary>
    public long GuestWriteBacks { get; init; }

    /// <summary>Idle pages the guest gave its balloon as free (no I/O).</summary>
    public long GuestFreed { get; init; }

    /// <summary>Guest swap-outs of pages the VMM had swapped, each costing a VMM swap-in first.</summary>
    public long DoublePaging { get; init; }

    /// <summary>Pages put into the balloon.</summary>
    public long BalloonInflated { get; init; }

    /// <summary>Pages taken out of the balloon.</summary>
    public long BalloonDeflated { get; init; }

    /// <summary>Pages of RAM hot-plugged into the guest.</summary>
    public long HotPlugged { get; init; }

    /// <summary>Faults served by replacing one of the VM's own pages (limit, low-state block, host out of frames).</summary>
    public long LocalReplacements { get; init; }

    /// <summary>The estimated stall of the VM's events under the cost model, microseconds.</summary>
    public double StallMicroseconds { get; init; }

    /// <summary>
    /// How much slower the VM ran than with all its memory: (accesses x access time + stall) / (accesses x access
    /// time), with the access time of the cost model; 1 is no slowdown. The one axis strategies are compared on.
    /// </summary>
    public double Slowdown { get; init; } = 1;

    /// <summary>
    /// Resident pages at the end that hold no frame of their own but map a shared one, zero pages included (esxtop
    /// SHRD for the VM; a page left alone on a once-shared frame counts too).
    /// </summary>
    public long Shared { get; init; }

    /// <summary>Resident pages on a shared all-zero frame at the end (esxtop ZERO for the VM).</summary>
    public long Zero { get; init; }

    /// <summary>Writes that broke a share: the page took a frame of the VM's own (copy-on-write).</summary>
    public long CopyOnWrites { get; init; }

    /// <summary>Pages that left the VM's memory (balloon, guest swap, VMM swap) while shared: no frame came back.</summary>
    public long SharedReleases { get; init; }

    /// <summary>Pages stored as patches against similar pages at the end (Difference Engine).</summary>
    public long Patched { get; init; }

    /// <summary>Accesses that found their page patched and rebuilt it.</summary>
    public long PatchFaults { get; init; }
}
