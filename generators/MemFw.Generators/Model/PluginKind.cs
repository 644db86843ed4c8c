namespace MemFw.Generators.Model;

/// <summary>The plugin kinds the generator discovers, one kind attribute each; the order is the registry's.</summary>
internal enum PluginKind
{
    /// <summary><c>[ReplacementPolicy]</c>: a page-replacement policy, called per access through dispatch.</summary>
    ReplacementPolicy,

    /// <summary><c>[VictimSelector]</c>: decides which VMs give up memory, at rebalancing points.</summary>
    VictimSelector,

    /// <summary><c>[BalloonStrategy]</c>: sets each VM's balloon target, at rebalancing points.</summary>
    BalloonStrategy,

    /// <summary><c>[WorkingSetEstimator]</c>: estimates one VM's working set, once per sampling period.</summary>
    WorkingSetEstimator,

    /// <summary><c>[CompressionCodec]</c>: compresses and decompresses pages, for compressed-memory models.</summary>
    CompressionCodec,

    /// <summary><c>[SharingScanner]</c>: finds identical pages to share, once per scan period.</summary>
    SharingScanner,

    /// <summary><c>[BackingStore]</c>: holds swapped-out pages (disk, SSD, compressed RAM, tmem).</summary>
    BackingStore,
}
