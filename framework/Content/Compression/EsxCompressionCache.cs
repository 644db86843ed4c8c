using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Compression;

/// <summary>
/// ESX's per-VM compression cache: a page about to be swapped out stays in memory, compressed, if it compresses to
/// half a page or less; the oldest pages go to swap when the cache is full.
/// </summary>
/// <remarks>
/// <para>
/// Source: the vSphere documentation (see <c>vmm-facts.md</c>, section 1): a swap candidate that compresses to at
/// most 2 KiB is kept in the VM's compression cache, in a 2 KiB slot, and one that compresses by more than 75%
/// (to at most 1 KiB) in a 1 KiB slot; the cache may hold up to 10% of the VM's memory by default
/// (<c>Mem.MemZipMaxPct</c>); when it is full, the oldest compressed pages are decompressed and swapped out. A page
/// the guest touches leaves the cache (<see cref="Remove"/>), decompressed.
/// </para>
/// <para>
/// How slots fill frames is not documented; our model [U]: the cache is made of whole 4 KiB frames, each holding slots
/// of one size (two of 2 KiB or four of 1 KiB). A page takes a free slot of its size in the lowest-numbered frame
/// that has one; else a new frame, while the cache holds fewer frames than its capacity; else the oldest pages are
/// evicted, oldest first, until one of those is possible. <see cref="FramesUsed"/> is therefore what the cache
/// really takes from the host, slack included.
/// </para>
/// </remarks>
public sealed class EsxCompressionCache
{
    /// <summary>The largest compressed page the cache keeps: half a page.</summary>
    public const int LargeSlot = TraceFormat.PageSize / 2;

    /// <summary>The slot of a page compressed to a quarter of a page or less.</summary>
    public const int SmallSlot = TraceFormat.PageSize / 4;

    /// <summary>The default capacity, as a fraction of the VM's memory: 10%.</summary>
    public const double DefaultCapacityFraction = 0.10;

    private readonly LruMap<Placement> _pages = new();

    /// <summary>Per frame number: its slot size (0 for a frame the cache does not hold) and occupied slots.</summary>
    private readonly List<(int Slot, int Occupied)> _frames = [];

    /// <summary>Frame numbers given back, reused lowest first.</summary>
    private readonly SortedSet<int> _freeFrames = [];

    /// <summary>Frames of 2 KiB slots, then of 1 KiB slots, with a free slot.</summary>
    private readonly SortedSet<int>[] _withRoom = [[], []];

    /// <summary>Creates an empty cache for a VM of <paramref name="vmPages"/> pages.</summary>
    /// <param name="vmPages">The VM's memory in 4 KiB pages.</param>
    /// <param name="capacityFraction">The cache's capacity as a fraction of it, 0 to 1; default 0.10.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative size or a fraction outside [0, 1].</exception>
    public EsxCompressionCache(long vmPages, double capacityFraction = DefaultCapacityFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vmPages);
        if (capacityFraction is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(capacityFraction), capacityFraction,
                "expected a fraction from 0 to 1");
        }

        CapacityFrames = (long)Math.Floor(vmPages * capacityFraction);
    }

    /// <summary>The most frames the cache may hold.</summary>
    public long CapacityFrames { get; }

    /// <summary>The pages held.</summary>
    public int Pages => _pages.Count;

    /// <summary>The frames the cache holds now: those with at least one occupied slot.</summary>
    public int FramesUsed { get; private set; }

    /// <summary>Occupied 2 KiB slots.</summary>
    public int LargeSlotsUsed { get; private set; }

    /// <summary>Occupied 1 KiB slots.</summary>
    public int SmallSlotsUsed { get; private set; }

    /// <summary>The bytes of the occupied slots.</summary>
    public long SlotBytesUsed => (long)LargeSlotsUsed * LargeSlot + (long)SmallSlotsUsed * SmallSlot;

    /// <summary>The compressed bytes of the pages held (at most <see cref="SlotBytesUsed"/>).</summary>
    public long CompressedBytes { get; private set; }

    /// <summary>
    /// The slot a page compressed to <paramref name="compressedLength"/> bytes takes: 1 KiB, 2 KiB, or 0 when the
    /// cache does not keep it.
    /// </summary>
    public static int SlotFor(int compressedLength) =>
        compressedLength <= SmallSlot ? SmallSlot : compressedLength <= LargeSlot ? LargeSlot : 0;

    /// <summary>Whether <paramref name="page"/> is held.</summary>
    public bool Contains(long page) => _pages.TryGetValue(page, out _);

    /// <summary>
    /// Offers <paramref name="page"/>, compressed to <paramref name="compressedLength"/> bytes, on its way to swap.
    /// </summary>
    /// <param name="page">The page (any number unique within the VM).</param>
    /// <param name="compressedLength">Its compressed size in bytes, 0 to a page.</param>
    /// <param name="evicted">Receives the pages evicted to swap to make room, oldest first.</param>
    /// <returns><see cref="CompressedStoreResult.Stored"/>, or why the page goes to swap instead.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The length is outside 0 to a page.</exception>
    /// <exception cref="ArgumentException">The page is already held.</exception>
    public CompressedStoreResult Store(long page, int compressedLength, List<long> evicted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(compressedLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(compressedLength, TraceFormat.PageSize);
        ArgumentNullException.ThrowIfNull(evicted);
        if (Contains(page))
        {
            throw new ArgumentException($"page {page} is already in the compression cache", nameof(page));
        }

        var slot = SlotFor(compressedLength);
        if (slot == 0)
        {
            return CompressedStoreResult.TooLarge;
        }

        var room = _withRoom[slot == LargeSlot ? 0 : 1];
        while (room.Count == 0)
        {
            if (FramesUsed < CapacityFrames)
            {
                room.Add(NewFrame(slot));
            }
            else if (_pages.TryGetOldest(out var oldest))
            {
                Remove(oldest);
                evicted.Add(oldest);
            }
            else
            {
                return CompressedStoreResult.Full;
            }
        }

        var frame = room.Min;
        var (_, occupied) = _frames[frame];
        var index = System.Numerics.BitOperations.TrailingZeroCount(~occupied);
        occupied |= 1 << index;
        _frames[frame] = (slot, occupied);
        if (occupied == (1 << (TraceFormat.PageSize / slot)) - 1)
        {
            room.Remove(frame);
        }

        _pages.AddNewest(page, new Placement(frame, index, compressedLength));
        CompressedBytes += compressedLength;
        Count(slot, +1);
        return CompressedStoreResult.Stored;
    }

    /// <summary>Takes <paramref name="page"/> out (the guest touched it, or it was evicted).</summary>
    /// <returns>Whether it was held.</returns>
    public bool Remove(long page)
    {
        if (!_pages.Remove(page, out var placement))
        {
            return false;
        }

        var (slot, occupied) = _frames[placement.Frame];
        occupied &= ~(1 << placement.Index);
        _frames[placement.Frame] = (slot, occupied);
        var room = _withRoom[slot == LargeSlot ? 0 : 1];
        if (occupied == 0)
        {
            room.Remove(placement.Frame);
            _frames[placement.Frame] = (0, 0);
            _freeFrames.Add(placement.Frame);
            FramesUsed--;
        }
        else
        {
            room.Add(placement.Frame);
        }

        CompressedBytes -= placement.Length;
        Count(slot, -1);
        return true;
    }

    /// <summary>Takes the lowest free frame number for a frame of <paramref name="slot"/>-byte slots.</summary>
    private int NewFrame(int slot)
    {
        int frame;
        if (_freeFrames.Count > 0)
        {
            frame = _freeFrames.Min;
            _freeFrames.Remove(frame);
            _frames[frame] = (slot, 0);
        }
        else
        {
            frame = _frames.Count;
            _frames.Add((slot, 0));
        }

        FramesUsed++;
        return frame;
    }

    private void Count(int slot, int delta)
    {
        if (slot == LargeSlot)
        {
            LargeSlotsUsed += delta;
        }
        else
        {
            SmallSlotsUsed += delta;
        }
    }

    /// <summary>Where a page is held and how long it is.</summary>
    private readonly record struct Placement(int Frame, int Index, int Length);
}
