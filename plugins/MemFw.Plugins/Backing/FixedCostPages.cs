using MemFw.Framework.Content.Backing;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Backing;

/// <summary>A persistent, unbounded device store whose every store and every load costs a fixed time.</summary>
/// <param name="storeUs">The time of one store, µs.</param>
/// <param name="loadUs">The time of one load, µs.</param>
internal sealed class FixedCostPages(double storeUs, double loadUs)
{
    private readonly PageSlots _pages = new();

    /// <summary>Pages held.</summary>
    public long Pages => _pages.Count;

    /// <summary>Keeps the page, whatever its size: devices store whole pages.</summary>
    public StoreOutcome Store(SwapKey key, long stamp)
    {
        _pages.Put(key, stamp, TraceFormat.PageSize);
        return new StoreOutcome(true, storeUs);
    }

    /// <summary>Reads the page back; it stays until discarded.</summary>
    public LoadOutcome Load(SwapKey key) =>
        _pages.Peek(key, out var stamp) ? new LoadOutcome(true, stamp, loadUs) : LoadOutcome.Miss;

    /// <summary>Forgets the page.</summary>
    public void Discard(SwapKey key) => _pages.Remove(key, out _, out _);
}
