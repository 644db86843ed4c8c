namespace MemFw.Framework.Host;

/// <summary>The host's memory as host policies see it at a rebalancing point; the engine updates it in place.</summary>
public sealed class HostView
{
    /// <summary>Machine frames (4 KiB) of the host.</summary>
    public long TotalFrames { get; internal set; }

    /// <summary>Frames held by the hypervisor itself (per-VM overhead).</summary>
    public long HypervisorFrames { get; internal set; }

    /// <summary>Frames free now.</summary>
    public long FreeFrames { get; internal set; }

    /// <summary>The free-memory state now.</summary>
    public PressureState State { get; internal set; }

    /// <summary>The free fraction of host memory, 0 to 1.</summary>
    public double FreeFraction => TotalFrames == 0 ? 0 : (double)FreeFrames / TotalFrames;

    /// <summary>The time now: accesses replayed on the host so far.</summary>
    public long Now { get; internal set; }
}
