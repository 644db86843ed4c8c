using MemFw.Framework.Content.Backing;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Replacement;

namespace MemFw.Framework.Host.Engine;

/// <summary>The bound plugins a host run uses, as the scenario's policy specs name them.</summary>
/// <param name="SwapPolicy">The VMM's replacement policy (which pages of a VM it swaps out).</param>
/// <param name="GuestPolicy">Each guest's replacement policy (which pages it swaps out for its balloon).</param>
/// <param name="VictimSelector">Creates the victim-VM selector.</param>
/// <param name="Balloon">Creates the balloon target strategy; null when ballooning is off.</param>
/// <param name="WorkingSet">Creates one working-set estimator per VM.</param>
/// <param name="BackingStores">
/// Create the backing stores the VMM swaps to, in the order of the scenario's <c>backing-store</c> specs.
/// </param>
public sealed record HostPolicies(
    IReplacementRunner SwapPolicy,
    IReplacementRunner GuestPolicy,
    Func<HostPluginContext, IVictimSelector> VictimSelector,
    Func<HostPluginContext, IBalloonStrategy>? Balloon,
    Func<HostPluginContext, IWorkingSetEstimator> WorkingSet,
    IReadOnlyList<Func<HostPluginContext, IBackingStore>> BackingStores)
{
    /// <summary>Creates the sharing scanner; null for none (the scenario's <c>sharing.scanner</c>).</summary>
    public Func<HostPluginContext, ISharingScanner>? SharingScanner { get; init; }

    /// <summary>
    /// Creates the codec that sizes compressed pages from their contents (the scenario's <c>codec</c>); null sizes
    /// every page at 4096 bytes.
    /// </summary>
    public Func<HostPluginContext, ICompressionCodec>? Codec { get; init; }
}
