using MemFw.Framework.Content.Backing;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host;

namespace MemFw.Framework.Plugins;

/// <summary>The plugins of one assembly, as the MemFw source generator emits them.</summary>
public interface IPluginRegistry
{
    /// <summary>The replacement policies of the assembly, in name order.</summary>
    IReadOnlyList<ReplacementPluginDescriptor> ReplacementPolicies { get; }

    /// <summary>The victim-VM selectors of the assembly, in name order.</summary>
    IReadOnlyList<HostPluginDescriptor<IVictimSelector>> VictimSelectors => [];

    /// <summary>The balloon target strategies of the assembly, in name order.</summary>
    IReadOnlyList<HostPluginDescriptor<IBalloonStrategy>> BalloonStrategies => [];

    /// <summary>The working-set estimators of the assembly, in name order.</summary>
    IReadOnlyList<HostPluginDescriptor<IWorkingSetEstimator>> WorkingSetEstimators => [];

    /// <summary>The compression codecs of the assembly, in name order.</summary>
    IReadOnlyList<HostPluginDescriptor<ICompressionCodec>> CompressionCodecs => [];

    /// <summary>The page-sharing scanners of the assembly, in name order.</summary>
    IReadOnlyList<HostPluginDescriptor<ISharingScanner>> SharingScanners => [];

    /// <summary>The backing stores of the assembly, in name order.</summary>
    IReadOnlyList<HostPluginDescriptor<IBackingStore>> BackingStores => [];
}
