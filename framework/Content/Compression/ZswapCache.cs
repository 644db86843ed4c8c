namespace MemFw.Framework.Content.Compression;

/// <summary>
/// A zswap-like compressed front cache for swap: pages on their way to swap are kept compressed in an
/// <see cref="IZpool"/> of limited size, and the oldest are written back to swap when it is full.
/// </summary>
/// <remarks>
/// <para>
/// Source: Linux <c>Documentation/admin-guide/mm/zswap.rst</c> and <c>mm/zswap.c</c> (see <c>vmm-facts.md</c>
/// section 3). The pool may hold at most <c>max_pool_percent</c> of RAM (default 20%). Once it reaches that limit
/// zswap refuses new pages (they go to swap) and writes back its least recently stored pages until the pool is at
/// most <c>accept_threshold_percent</c> (default 90%) of the limit, and only then accepts pages again: the limit
/// is checked before anything else, same-filled pages included. A page whose bytes are one repeated word
/// ("same-filled", a zero page among them) is kept with no compressed bytes and takes no pool memory; it is not on
/// the writeback list, since writing it back would free nothing. A page that compresses to more than the pool takes
/// goes to swap.
/// </para>
/// <para>
/// Our simplifications [U]: the writeback zswap queues to a worker happens at once, within the refused store, and
/// never fails; a page that is loaded back (or whose swap slot is freed) leaves the cache (<see cref="Remove"/>), as
/// with zswap's exclusive loads.
/// </para>
/// </remarks>
public sealed class ZswapCache
{
    /// <summary>The default pool limit, in percent of RAM.</summary>
    public const int DefaultMaxPoolPercent = 20;

    /// <summary>The default acceptance threshold, in percent of the pool limit.</summary>
    public const int DefaultAcceptThresholdPercent = 90;

    /// <summary>The pages in the pool with their handles, least recently stored first: the writeback order.</summary>
    private readonly LruMap<int> _lru = new();

    /// <summary>The same-filled pages, which take no pool memory and are never written back.</summary>
    private readonly HashSet<long> _sameFilled = [];

    private readonly IZpool _pool;
    private bool _full;

    /// <summary>Creates an empty cache over <paramref name="pool"/>.</summary>
    /// <param name="pool">The allocator of compressed pages (zbud, z3fold, zsmalloc).</param>
    /// <param name="ramPages">The RAM the limit is a share of, in 4 KiB pages.</param>
    /// <param name="maxPoolPercent">The pool limit, percent of RAM, 0 to 100; default 20.</param>
    /// <param name="acceptThresholdPercent">
    /// The pool size, percent of the limit, below which a full pool accepts pages again, 0 to 100; default 90.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A size or percentage out of range.</exception>
    public ZswapCache(IZpool pool, long ramPages, int maxPoolPercent = DefaultMaxPoolPercent,
        int acceptThresholdPercent = DefaultAcceptThresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(ramPages);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPoolPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPoolPercent, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(acceptThresholdPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(acceptThresholdPercent, 100);
        _pool = pool;
        MaxPoolFrames = ramPages * maxPoolPercent / 100;
        AcceptThresholdFrames = MaxPoolFrames * acceptThresholdPercent / 100;
    }

    /// <summary>The pool limit in frames: <c>max_pool_percent</c> of RAM.</summary>
    public long MaxPoolFrames { get; }

    /// <summary>The pool size in frames at or below which a full pool accepts pages again.</summary>
    public long AcceptThresholdFrames { get; }

    /// <summary>The pages held, same-filled ones included.</summary>
    public int Pages => _lru.Count + _sameFilled.Count;

    /// <summary>The same-filled pages held.</summary>
    public int SameFilledPages => _sameFilled.Count;

    /// <summary>The frames the pool holds.</summary>
    public int PoolFrames => _pool.FramesUsed;

    /// <summary>The compressed bytes held.</summary>
    public long CompressedBytes => _pool.StoredBytes;

    /// <summary>Pages written back to swap to make room, so far.</summary>
    public long WrittenBack { get; private set; }

    /// <summary>Pages refused because the pool was full, so far.</summary>
    public long RefusedFull { get; private set; }

    /// <summary>Pages refused because they compress too poorly for the pool, so far.</summary>
    public long RefusedTooLarge { get; private set; }

    /// <summary>Whether <paramref name="page"/> is held.</summary>
    public bool Contains(long page) => _lru.TryGetValue(page, out _);

    /// <summary>Offers <paramref name="page"/> on its way to swap; a copy already held is replaced.</summary>
    /// <param name="page">The page (any number unique within what the cache serves).</param>
    /// <param name="compressedLength">Its compressed size in bytes (ignored for a same-filled page).</param>
    /// <param name="sameFilled">Whether its bytes are one repeated word.</param>
    /// <param name="writtenBack">Receives the pages written back to swap to make room, oldest first.</param>
    /// <returns>Whether it was kept, and how, or why it goes to swap.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A length below 1 for a page that is not same-filled.</exception>
    public CompressedStoreResult Store(long page, int compressedLength, bool sameFilled, List<long> writtenBack)
    {
        ArgumentNullException.ThrowIfNull(writtenBack);
        if (!sameFilled)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(compressedLength, 1);
        }

        Remove(page);
        if (IsFull())
        {
            RefusedFull++;
            while (PoolFrames > AcceptThresholdFrames && _lru.TryGetOldest(out var oldest))
            {
                Remove(oldest);
                writtenBack.Add(oldest);
                WrittenBack++;
            }

            return CompressedStoreResult.Full;
        }

        if (sameFilled)
        {
            _sameFilled.Add(page);
            return CompressedStoreResult.SameFilled;
        }

        if (compressedLength > _pool.MaxObjectLength)
        {
            RefusedTooLarge++;
            return CompressedStoreResult.TooLarge;
        }

        _lru.AddNewest(page, _pool.Store(compressedLength));
        return CompressedStoreResult.Stored;
    }

    /// <summary>Takes <paramref name="page"/> out: loaded back, or its swap slot freed.</summary>
    /// <returns>Whether it was held.</returns>
    public bool Remove(long page)
    {
        if (_sameFilled.Remove(page))
        {
            return true;
        }

        if (!_lru.Remove(page, out var handle))
        {
            return false;
        }

        _pool.Free(handle);
        return true;
    }

    /// <summary>zswap's limit check: full from the limit until the pool is back at the threshold.</summary>
    private bool IsFull()
    {
        if (PoolFrames >= MaxPoolFrames)
        {
            _full = true;
        }
        else if (_full && PoolFrames <= AcceptThresholdFrames)
        {
            _full = false;
        }

        return _full;
    }
}
