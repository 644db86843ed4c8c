namespace MemFw.Framework.Host.Engine;

/// <summary>What happened to one VM during a host run, counted as events; sizes now are in <see cref="VmView"/>.</summary>
internal sealed class VmCounters
{
    /// <summary>Accesses to pages the guest did not hold (first touches, guest swap-ins, re-use of freed pages).</summary>
    public long GuestFaults;

    /// <summary>Accesses to pages without a machine frame (VMM faults), first touches included.</summary>
    public long Faults;

    /// <summary>First accesses to a page.</summary>
    public long FirstTouches;

    /// <summary>Pages the VMM read back from its backing store.</summary>
    public long SwapIns;

    /// <summary>Pages the VMM swapped out (local replacement and host reclamation).</summary>
    public long SwapOuts;

    /// <summary>Dirty pages the VMM wrote to its backing store.</summary>
    public long WriteBacks;

    /// <summary>Pages the guest read back from its own swap.</summary>
    public long GuestSwapIns;

    /// <summary>Pages the guest swapped out.</summary>
    public long GuestSwapOuts;

    /// <summary>Dirty pages the guest wrote to its own swap.</summary>
    public long GuestWriteBacks;

    /// <summary>Idle pages the guest gave up as free to its balloon (no I/O).</summary>
    public long GuestFreed;

    /// <summary>Guest swap-outs of pages the VMM had swapped (each needs a VMM swap-in first).</summary>
    public long DoublePaging;

    /// <summary>Pages put into the balloon.</summary>
    public long BalloonInflated;

    /// <summary>Pages taken out of the balloon.</summary>
    public long BalloonDeflated;

    /// <summary>Pages hot-plugged into the guest.</summary>
    public long HotPlugged;

    /// <summary>VMM faults the VM had to serve from its own pages: at its limit, blocked in the low state, or the host out of frames.</summary>
    public long LocalReplacements;

    /// <summary>Most machine frames held at once.</summary>
    public long PeakGranted;

    /// <summary>Estimated stall, microseconds.</summary>
    public double StallMicroseconds;

    /// <summary>Writes to pages on shared frames: copy-on-write breaks that took a frame of the VM's own.</summary>
    public long CopyOnWrites;

    /// <summary>
    /// Pages the guest gave up (to its balloon or its swap) or the VMM swapped out while they were on a shared frame,
    /// so the host got no frame back unless they were its last page.
    /// </summary>
    public long SharedReleases;

    /// <summary>Pages stored as patches (Difference Engine).</summary>
    public long PatchesMade;

    /// <summary>Accesses to patched pages: each rebuilt the page from its reference and patch.</summary>
    public long PatchFaults;
}
