using MemFw.Framework.Content.Backing;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Backing;

/// <summary>
/// Xen transcendent memory's cleancache: an ephemeral second-chance cache for clean pages a guest evicts. The
/// hypervisor may drop any page at any time (here: the oldest, when the pool is full); a get that finds the page
/// returns it and removes it (a private pool's exclusive get); a miss sends the guest to its disk.
/// </summary>
/// <remarks>
/// Linux Documentation/vm/cleancache.txt and Magenheimer et al., "Transcendent Memory and Linux" (OLS 2009): put, get
/// and flush by key; private pools are exclusive; "put-put-get" coherency (a second put of a key replaces the first,
/// so a get never returns the older copy) and "get-get" coherency (after a get, a second get misses). Stores only
/// whole pages (no compression in this pool).
/// </remarks>
[BackingStore("cleancache", Description = "Xen tmem cleancache: ephemeral, may drop pages, exclusive gets",
    Source = "Linux Documentation/vm/cleancache.txt; Magenheimer et al., OLS 2009")]
public sealed class CleancacheStore : IBackingStore
{
    private readonly PageSlots _pages = new();
    private readonly TmemOptions _options;

    /// <summary>Creates the pool.</summary>
    public CleancacheStore(TmemOptions options)
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
    public bool Ephemeral => true;

    /// <summary>Pages dropped to make room: what an ephemeral pool may lose.</summary>
    public long Dropped { get; private set; }

    /// <inheritdoc/>
    public StoreOutcome Store(SwapKey key, long stamp, int compressedBytes)
    {
        _pages.Remove(key, out _, out _);
        if (_pages.Count == _options.Capacity && _pages.Oldest is { } oldest)
        {
            _pages.Remove(oldest, out _, out _);
            Dropped++;
        }

        _pages.Put(key, stamp, TraceFormat.PageSize);
        return new StoreOutcome(true, _options.CopyUs);
    }

    /// <inheritdoc/>
    public bool Contains(SwapKey key, long stamp) => _pages.Contains(key, stamp);

    /// <inheritdoc/>
    public LoadOutcome Load(SwapKey key) =>
        _pages.Remove(key, out var stamp, out _) ? new LoadOutcome(true, stamp, _options.CopyUs) : LoadOutcome.Miss;

    /// <inheritdoc/>
    public void Discard(SwapKey key) => _pages.Remove(key, out _, out _);
}
