using MemFw.Framework.Content.Backing;

namespace MemFw.Framework.Host.Engine;

/// <summary>What a host run of a scenario measured: per VM, and the host's free memory and pressure over time.</summary>
public sealed record HostRunResult
{
    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>
    /// The policies in force, by role (swap-policy, guest-policy, victim-selector, balloon, working-set, backing-store).
    /// </summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Policies { get; init; }

    /// <summary>RAM accesses of all VMs.</summary>
    public long Accesses { get; init; }

    /// <summary>Machine frames of the host.</summary>
    public long HostFrames { get; init; }

    /// <summary>Frames the hypervisor holds (per-VM overheads).</summary>
    public long HypervisorFrames { get; init; }

    /// <summary>The fewest free frames seen at a rebalancing point, before it reclaimed anything.</summary>
    public long MinFreeFrames { get; init; }

    /// <summary>Rebalancing points, periodic and urgent.</summary>
    public long Rebalances { get; init; }

    /// <summary>Times free memory fell to the out-of-memory level between two periodic rebalancing points.</summary>
    public long OutOfMemoryNotifications { get; init; }

    /// <summary>Accesses replayed in each pressure state, indexed by <see cref="PressureState"/>.</summary>
    public required IReadOnlyList<long> AccessesInState { get; init; }

    /// <summary>Each backing store the VMM swapped to, in chain order: what it holds at the end and what it did.</summary>
    public IReadOnlyList<BackingStoreCounters> BackingStores { get; init; } = [];

    /// <summary>
    /// The most frames the RAM-backed stores used at once beyond what the host could give them (it had none free); 0
    /// when the host always could.
    /// </summary>
    public long PeakStoreShortfall { get; init; }

    /// <summary>Frames the RAM-backed stores use at the end beyond what the host could give them.</summary>
    public long StoreShortfall { get; init; }

    /// <summary>The VMs, in scenario order.</summary>
    public required IReadOnlyList<VmResult> Vms { get; init; }

    /// <summary>Difference Engine's patching: pages patched, memory saved, host CPU.</summary>
    public PatchingResult Patching { get; init; } = new();

    /// <summary>Content-based sharing: savings, merges, copy-on-write breaks and the scanner's work.</summary>
    public required SharingResult Sharing { get; init; }

    /// <summary>The host at each rebalancing point.</summary>
    public required IReadOnlyList<HostSample> Samples { get; init; }

    /// <summary>The stall of all VMs, microseconds.</summary>
    public double StallMicroseconds => Vms.Sum(v => v.StallMicroseconds);

    /// <summary>The slowdown of all VMs together: their busy time plus stall, over their busy time.</summary>
    public double Slowdown { get; init; } = 1;
}
