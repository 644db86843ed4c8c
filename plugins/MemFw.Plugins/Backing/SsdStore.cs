using MemFw.Framework.Content.Backing;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Backing;

/// <summary>A swap area on a solid-state drive, as ESX's "swap to host cache": a fixed time per read and per write.</summary>
[BackingStore("ssd", Description = "SSD: a fixed time per 4 KiB read and write",
    Source = "Jeff Dean, Numbers everyone should know (LADIS 2009); ESX swap to host cache")]
public sealed class SsdStore : IBackingStore
{
    private readonly FixedCostPages _pages;

    /// <summary>Creates the store.</summary>
    public SsdStore(SsdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pages = new FixedCostPages(options.WriteUs, options.ReadUs);
    }

    /// <inheritdoc/>
    public long Pages => _pages.Pages;

    /// <inheritdoc/>
    public long MachineFrames => 0;

    /// <inheritdoc/>
    public StoreOutcome Store(SwapKey key, long stamp, int compressedBytes) => _pages.Store(key, stamp);

    /// <inheritdoc/>
    public LoadOutcome Load(SwapKey key) => _pages.Load(key);

    /// <inheritdoc/>
    public void Discard(SwapKey key) => _pages.Discard(key);
}
