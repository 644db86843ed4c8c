using MemFw.Framework.Content.Backing;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Backing;

/// <summary>
/// Xen transcendent memory's frontswap: a persistent store in front of a guest's swap device. A put is refused when
/// the pool is full (the page then goes to the swap device); a page it accepted stays until its swap slot is freed.
/// </summary>
/// <remarks>
/// Linux Documentation/vm/frontswap.txt and Magenheimer et al., OLS 2009: persistent ("the hypervisor may reject a put,
/// but once accepted it must be retrievable"), synchronous, whole pages. Gets are not exclusive here [U]: the caller
/// discards the page when the swap slot is freed, as the swap subsystem's invalidate does.
/// </remarks>
[BackingStore("frontswap", Description = "Xen tmem frontswap: persistent, refuses puts when full",
    Source = "Linux Documentation/vm/frontswap.txt; Magenheimer et al., OLS 2009")]
public sealed class FrontswapStore : IBackingStore
{
    private readonly PageSlots _pages = new();
    private readonly TmemOptions _options;

    /// <summary>Creates the pool.</summary>
    public FrontswapStore(TmemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc/>
    public long Pages => _pages.Count;

    /// <inheritdoc/>
    public long Bytes => _pages.Bytes;

    /// <inheritdoc/>
    public long MachineFrames => _pages.Count;

    /// <inheritdoc/>
    public bool InRam => true;

    /// <inheritdoc/>
    public bool KeepsEveryPage => false;

    /// <inheritdoc/>
    public bool Ephemeral => false;

    /// <inheritdoc/>
    public StoreOutcome Store(SwapKey key, long stamp, int compressedBytes)
    {
        if (!_pages.Contains(key) && _pages.Count == _options.Capacity)
        {
            return new StoreOutcome(false, 0);
        }

        _pages.Put(key, stamp, TraceFormat.PageSize);
        return new StoreOutcome(true, _options.CopyUs);
    }

    /// <inheritdoc/>
    public bool Contains(SwapKey key, long stamp) => _pages.Contains(key, stamp);

    /// <inheritdoc/>
    public LoadOutcome Load(SwapKey key) =>
        _pages.Peek(key, out var stamp) ? new LoadOutcome(true, stamp, _options.CopyUs) : LoadOutcome.Miss;

    /// <inheritdoc/>
    public void Discard(SwapKey key) => _pages.Remove(key, out _, out _);
}
