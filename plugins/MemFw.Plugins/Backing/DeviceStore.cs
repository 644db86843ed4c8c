using MemFw.Framework.Content.Backing;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Backing;

/// <summary>
/// A swap device: persistent and unbounded, it keeps every page whole until discarded, and every store and every load
/// costs a fixed time. The base of <see cref="DiskStore"/> and <see cref="SsdStore"/>, which set the two times.
/// </summary>
public abstract class DeviceStore : IBackingStore
{
    private readonly PageSlots _pages = new();
    private readonly double _storeUs;
    private readonly double _loadUs;

    /// <summary>Creates the device.</summary>
    /// <param name="times">The time of one store and of one load, µs.</param>
    protected DeviceStore((double StoreUs, double LoadUs) times) => (_storeUs, _loadUs) = times;

    /// <inheritdoc/>
    public long Pages => _pages.Count;

    /// <inheritdoc/>
    public long Bytes => _pages.Bytes;

    /// <inheritdoc/>
    public long MachineFrames => 0;

    /// <inheritdoc/>
    public bool InRam => false;

    /// <inheritdoc/>
    public bool KeepsEveryPage => true;

    /// <inheritdoc/>
    public bool Ephemeral => false;

    /// <summary>Keeps the page, whatever its size: devices store whole pages.</summary>
    public StoreOutcome Store(SwapKey key, long stamp, int compressedBytes)
    {
        _pages.Put(key, stamp, TraceFormat.PageSize);
        return new StoreOutcome(true, _storeUs);
    }

    /// <inheritdoc/>
    public bool Contains(SwapKey key, long stamp) => _pages.Contains(key, stamp);

    /// <summary>Reads the page back; it stays until discarded.</summary>
    public LoadOutcome Load(SwapKey key) =>
        _pages.Peek(key, out var stamp) ? new LoadOutcome(true, stamp, _loadUs) : LoadOutcome.Miss;

    /// <inheritdoc/>
    public void Discard(SwapKey key) => _pages.Remove(key, out _, out _);
}
