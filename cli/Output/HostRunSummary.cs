using MemFw.Framework.Host;
using MemFw.Framework.Host.Engine;

namespace MemFw.Cli.Output;

/// <summary>The JSON of <c>memfw run</c>: a host run's result with named states and policies.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Policies">The policy in force for each role.</param>
/// <param name="Accesses">RAM accesses of all VMs.</param>
/// <param name="HostFrames">Machine frames of the host.</param>
/// <param name="HypervisorFrames">Frames held for per-VM overheads.</param>
/// <param name="MinFreeFrames">The fewest free frames at a rebalancing point.</param>
/// <param name="Rebalances">Rebalancing points.</param>
/// <param name="OomNotifications">Out-of-memory notifications.</param>
/// <param name="AccessesInState">Accesses replayed in each pressure state.</param>
/// <param name="StallUs">The stall of all VMs, microseconds.</param>
/// <param name="Slowdown">The slowdown of all VMs together.</param>
/// <param name="Vms">Each VM's result.</param>
/// <param name="Sharing">Content-based sharing.</param>
/// <param name="Patching">Difference Engine's patching.</param>
/// <param name="BackingStores">Each backing store of the chain: what it holds at the end and what it did.</param>
/// <param name="Samples">The host at each rebalancing point.</param>
internal sealed record HostRunSummary(
    string Scenario,
    IReadOnlyDictionary<string, string> Policies,
    long Accesses,
    long HostFrames,
    long HypervisorFrames,
    long MinFreeFrames,
    long Rebalances,
    long OomNotifications,
    IReadOnlyDictionary<string, long> AccessesInState,
    double StallUs,
    double Slowdown,
    IReadOnlyList<VmResult> Vms,
    SharingResult Sharing,
    PatchingResult Patching,
    IReadOnlyList<Framework.Content.Backing.BackingStoreCounters> BackingStores,
    IReadOnlyList<HostSample> Samples)
{
    /// <summary>The summary of <paramref name="result"/>.</summary>
    public static HostRunSummary From(HostRunResult result) => new(
        result.Scenario,
        result.Policies.ToDictionary(p => p.Key, p => p.Value),
        result.Accesses,
        result.HostFrames,
        result.HypervisorFrames,
        result.MinFreeFrames,
        result.Rebalances,
        result.OutOfMemoryNotifications,
        Enum.GetValues<PressureState>().ToDictionary(s => s.ToString().ToLowerInvariant(),
            s => result.AccessesInState[(int)s]),
        result.StallMicroseconds,
        result.Slowdown,
        result.Vms,
        result.Sharing,
        result.Patching,
        result.BackingStores,
        result.Samples);
}
