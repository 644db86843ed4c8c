using MemFw.Framework.Content.Backing;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Backing;

/// <summary>
/// Compressed RAM in front of swap (ESX's compression cache, Linux zram/zswap): a page is kept compressed in host
/// memory if it compresses well enough and the store has room, so a swap-in costs a decompression, not a disk read.
/// </summary>
/// <remarks>
/// ESX: swap candidates compressing to at most 2 KiB go to a per-VM cache capped at 10% of its memory (vSphere 4.1 and
/// 6.7 documentation, vmm-facts section 1); zram keeps every page ("expect a 2:1 compression ratio", zram.rst). The
/// store's frames are its compressed bytes packed densely into 4 KiB frames, rounded up (what a size-class allocator
/// approaches [U]), or what zswap's zbud, z3fold or zsmalloc really holds for them (option <c>pool</c>). A refused page (too large, or no room) goes to the next store of the chain; the
/// store never drops what it keeps, so it is as persistent as swap. Costs: compressing 4 KiB (also before a refusal:
/// the size is known only once the page is compressed) or decompressing it, at the measured speeds of the codec the
/// options name.
/// </remarks>
[BackingStore("compressed-ram", Description = "Compressed RAM (ESX compression cache, zram): keep pages that compress well",
    Source = "VMware vSphere memory compression; Linux Documentation/admin-guide/blockdev/zram.rst")]
public sealed class CompressedRamStore : IBackingStore
{
    private readonly PageSlots _pages = new();
    private readonly CompressedRamOptions _options;

    /// <summary>The zswap allocator the pages are packed by; null for dense packing.</summary>
    private readonly IZpool? _pool;

    /// <summary>Each kept page's handle in <see cref="_pool"/>.</summary>
    private readonly Dictionary<SwapKey, int> _handles = [];
    private readonly double _compressUs;
    private readonly double _decompressUs;

    /// <summary>Creates the store.</summary>
    public CompressedRamStore(CompressedRamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _pool = options.Pool switch
        {
            CompressedRamPool.Zbud => BuddyPool.Zbud(),
            CompressedRamPool.Z3fold => BuddyPool.Z3fold(),
            CompressedRamPool.Zsmalloc => new ZsmallocPool(),
            _ => null,
        };
        _compressUs = TraceFormat.PageSize / options.CompressMbPerS;
        _decompressUs = TraceFormat.PageSize / options.DecompressMbPerS;
    }

    /// <inheritdoc/>
    public long Pages => _pages.Count;

    /// <inheritdoc/>
    public long Bytes => _pages.Bytes;

    /// <inheritdoc/>
    public long MachineFrames => _pool?.FramesUsed ?? FramesFor(_pages.Bytes);

    /// <inheritdoc/>
    public bool InRam => true;

    /// <inheritdoc/>
    public bool KeepsEveryPage => false;

    /// <inheritdoc/>
    public bool Ephemeral => false;

    /// <inheritdoc/>
    public StoreOutcome Store(SwapKey key, long stamp, int compressedBytes)
    {
        Discard(key);
        if (compressedBytes > _options.MaxBytes || compressedBytes > (_pool?.MaxObjectLength ?? TraceFormat.PageSize))
        {
            return new StoreOutcome(false, _compressUs);
        }

        if (_pool is null)
        {
            if (_options.CapacityFrames > 0 && FramesFor(_pages.Bytes + compressedBytes) > _options.CapacityFrames)
            {
                return new StoreOutcome(false, _compressUs);
            }
        }
        else
        {
            var handle = _pool.Store(compressedBytes);
            if (_options.CapacityFrames > 0 && _pool.FramesUsed > _options.CapacityFrames)
            {
                _pool.Free(handle);
                return new StoreOutcome(false, _compressUs);
            }

            _handles.Add(key, handle);
        }

        _pages.Put(key, stamp, compressedBytes);
        return new StoreOutcome(true, _compressUs);
    }

    /// <inheritdoc/>
    public bool Contains(SwapKey key, long stamp) => _pages.Contains(key, stamp);

    /// <inheritdoc/>
    public LoadOutcome Load(SwapKey key) =>
        _pages.Peek(key, out var stamp) ? new LoadOutcome(true, stamp, _decompressUs) : LoadOutcome.Miss;

    /// <inheritdoc/>
    public void Discard(SwapKey key)
    {
        _pages.Remove(key, out _, out _);
        if (_pool is not null && _handles.Remove(key, out var handle))
        {
            _pool.Free(handle);
        }
    }

    private static long FramesFor(long bytes) => (bytes + TraceFormat.PageSize - 1) / TraceFormat.PageSize;
}
