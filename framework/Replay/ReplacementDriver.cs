using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using MemFw.Framework.Replacement;

namespace MemFw.Framework.Replay;

/// <summary>
/// The engine's side of the replacement contract over one frame table: it keeps the frame, page, Accessed and Dirty
/// invariants, counts hits, faults, evictions and write-backs, and calls the policy's primitives in the sequences
/// <see cref="IReplacementPolicy"/> documents. The single-VM replay loop and a multi-VM host (VMM swapping, ballooning,
/// a capacity below the frame count) share it.
/// </summary>
/// <remarks>
/// <para>
/// Empty frames wait on a stack: a fault below <see cref="Capacity"/> takes the top one without asking the policy,
/// and <see cref="ReclaimOne(out bool)"/> and <see cref="Remove"/> push the frames they empty. The stack starts as 0 on top, then
/// 1, ..., N-1, so a replay without removals fills frames 0..N-1 in order, as it always has; an emptied frame is the
/// next one filled (last in, first out).
/// </para>
/// <para>
/// <see cref="Capacity"/> caps the resident pages: a fault takes an empty frame only while <see cref="Resident"/> is
/// below it; at capacity it asks <see cref="IReplacementPolicy.SelectVictim"/> for a victim with the faulting page and
/// replaces it, even though some frames are empty. The capacity starts at the frame count, so the single-VM loop
/// asks for a victim only when every frame is occupied. It costs the fault path nothing: the driver compares the
/// empty frames with the frames kept empty (frame count minus capacity) where it compared them with zero.
/// </para>
/// <para>
/// Three ways out of memory: a fault's eviction and a reclaim (<see cref="ReclaimOne(out bool)"/>) let the policy choose the
/// page and count an eviction (and a write-back if dirty); a removal (<see cref="Remove"/>) is the engine's choice,
/// the guest having freed the page or swapped it out itself, and counts neither (the engine accounts for it).
/// </para>
/// <para>
/// Generic over the policy struct so that the JIT compiles one copy per policy with the calls inlined; it holds its
/// own copy of the struct (<see cref="Policy"/>). Nothing allocates after construction.
/// </para>
/// </remarks>
/// <typeparam name="TPolicy">The policy's dispatch struct.</typeparam>
internal sealed class ReplacementDriver<TPolicy>
    where TPolicy : struct, IReplacementPolicy
{
    private readonly string _name;
    private readonly FrameTable _frames;

    /// <summary>The page in each frame (the frame table's own array).</summary>
    private readonly int[] _pages;

    private readonly bool[] _accessed;
    private readonly bool[] _dirty;

    /// <summary>The frame of each resident page, or <see cref="FrameTable.NoPage"/>.</summary>
    private readonly int[] _frameOf;

    /// <summary>Whether each page has been accessed before (for first-touch faults).</summary>
    private readonly bool[] _seen;

    /// <summary>The empty frames, the next to fill on top (at <c>_free[_freeCount - 1]</c>).</summary>
    private readonly int[] _free;

    private int _freeCount;

    /// <summary>The frames kept empty: the frame count minus <see cref="Capacity"/>.</summary>
    private int _reserved;

    private TPolicy _policy;

    /// <summary>The counts so far, without cleaning write-backs and with <c>Accesses</c> unset.</summary>
    private ReplayCounters _counters;

    /// <summary>Creates the driver of <paramref name="policy"/> over <paramref name="frames"/>, all empty.</summary>
    /// <param name="policy">The policy, created over the same frame table.</param>
    /// <param name="name">The policy's name, for error messages.</param>
    /// <param name="frames">The frame table; every frame must be empty.</param>
    /// <param name="pageCount">The dense page ids the driver will be given lie below it.</param>
    public ReplacementDriver(TPolicy policy, string name, FrameTable frames, int pageCount)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfNegative(pageCount);
        _policy = policy;
        _name = name;
        _frames = frames;
        _pages = frames.Pages;
        _accessed = frames.Accessed;
        _dirty = frames.Dirty;
        _frameOf = new int[pageCount];
        Array.Fill(_frameOf, FrameTable.NoPage);
        _seen = new bool[pageCount];
        _free = new int[_pages.Length];
        for (var frame = _pages.Length - 1; frame >= 0; frame--)
        {
            if (_pages[frame] != FrameTable.NoPage)
            {
                throw new ArgumentException("expected a frame table whose frames are all empty", nameof(frames));
            }

            _free[_freeCount++] = frame;
        }
    }

    /// <summary>The driver's copy of the policy, to call <see cref="IReplacementPolicy.OnTick"/> on.</summary>
    public ref TPolicy Policy => ref _policy;

    /// <summary>The frames of the table.</summary>
    public int FrameCount => _pages.Length;

    /// <summary>The frame holding <paramref name="page"/>, or <see cref="FrameTable.NoPage"/>.</summary>
    public int FrameOf(int page) => _frameOf[page];

    /// <summary>Frames holding a page.</summary>
    public int Resident => _pages.Length - _freeCount;

    /// <summary>The most pages resident at once: a fault at capacity replaces a victim instead of filling a frame.</summary>
    /// <remarks>
    /// Starts at the frame count. A host lowering it first takes the surplus pages out (<see cref="ReclaimOne(out bool)"/> or
    /// <see cref="Remove"/>); raising it lets later faults fill empty frames again. At 0, a fault throws
    /// <see cref="InvalidOperationException"/>, as there is no page to replace.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The value is negative, more than the frame count, or less than <see cref="Resident"/>.
    /// </exception>
    public int Capacity
    {
        get => _pages.Length - _reserved;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, _pages.Length);
            if (value < Resident)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    $"the capacity must not fall below the {Resident} resident pages: reclaim or remove pages first");
            }

            _reserved = _pages.Length - value;
        }
    }

    /// <summary>
    /// The page the last fault evicted to make room, or <see cref="FrameTable.NoPage"/> if it filled an empty frame.
    /// </summary>
    /// <remarks>Valid after an <see cref="Access"/> that returned false; hits, reclaims and removals leave it.</remarks>
    public int LastEvicted { get; private set; } = FrameTable.NoPage;

    /// <summary>Whether <see cref="LastEvicted"/> was dirty (it was then written back); false without an eviction.</summary>
    public bool LastEvictedDirty { get; private set; }

    /// <summary>Pages taken by <see cref="ReclaimOne(out bool)"/> so far (also counted as evictions).</summary>
    public long Reclaimed { get; private set; }

    /// <summary>Pages taken by <see cref="Remove"/> so far (not counted as evictions nor write-backs).</summary>
    public long Removed { get; private set; }

    /// <summary>
    /// The counts so far: <c>Accesses</c> is hits plus faults, and write-backs include those of pages the policy had
    /// cleaned in place (<see cref="FrameTable.WriteBack"/>).
    /// </summary>
    public ReplayCounters Counters
    {
        get
        {
            var counters = _counters;
            counters.Accesses = counters.Hits + counters.Faults;
            counters.WriteBacks += _frames.CleaningWriteBacks;
            return counters;
        }
    }

    /// <summary>Whether dense page <paramref name="page"/> is resident.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is not a dense page id.</exception>
    public bool IsResident(int page)
    {
        if ((uint)page >= (uint)_frameOf.Length)
        {
            ThrowNotAPage(page);
        }

        return _frameOf[page] != FrameTable.NoPage;
    }

    /// <summary>
    /// An access to dense page <paramref name="page"/>: a hit, or a fault that loads the page (see
    /// <see cref="LastEvicted"/>). Returns whether it hit.
    /// </summary>
    /// <exception cref="InvalidOperationException">A fault while <see cref="Capacity"/> is 0.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Access(int page, bool write)
    {
        var frame = _frameOf[page];
        if (frame >= 0)
        {
            _counters.Hits++;
            _accessed[frame] = true;
            if (write)
            {
                _dirty[frame] = true;
            }

            _policy.OnHit(frame, write);
            return true;
        }

        Fault(page, write);
        return false;
    }

    /// <summary>
    /// The VMM takes one frame from the VM: the policy chooses a victim with no faulting page, its page is evicted (a
    /// write-back if dirty) and the frame is left empty for a later fault. Returns the evicted page.
    /// </summary>
    /// <param name="dirty">Whether the evicted page was dirty (it was written back).</param>
    /// <exception cref="InvalidOperationException">No page is resident.</exception>
    public int ReclaimOne(out bool dirty) => ReclaimOne(out dirty, out _);

    /// <summary>As <see cref="ReclaimOne(out bool)"/>, also giving the frame the page left, now empty.</summary>
    public int ReclaimOne(out bool dirty, out int frame)
    {
        if (_freeCount == _pages.Length)
        {
            ThrowNothingResident();
        }

        frame = _policy.SelectVictim(FrameTable.NoPage);
        var page = Evict(frame, out dirty);
        Empty(frame);
        Reclaimed++;
        _policy.OnRemove(frame);
        return page;
    }

    /// <summary>The VMM takes <paramref name="count"/> frames from the VM, one <see cref="ReclaimOne(out bool)"/> each.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> is negative or more than the occupied frames.
    /// </exception>
    public void Reclaim(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Resident);
        for (var i = 0; i < count; i++)
        {
            ReclaimOne(out _);
        }
    }

    /// <summary>
    /// Resident page <paramref name="page"/> leaves memory without a replacement because the guest freed it or swapped
    /// it out itself (ballooning): its frame is left empty and the policy is told through
    /// <see cref="IReplacementPolicy.OnRemove"/>, without a <see cref="IReplacementPolicy.SelectVictim"/> call.
    /// Returns whether the page was dirty. Counted in <see cref="Removed"/>, not as an eviction nor a write-back.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="page"/> is not resident.</exception>
    public bool Remove(int page)
    {
        if ((uint)page >= (uint)_frameOf.Length || _frameOf[page] == FrameTable.NoPage)
        {
            ThrowNotResident(page);
        }

        var frame = _frameOf[page];
        var dirty = _dirty[frame];
        _frameOf[page] = FrameTable.NoPage;
        Empty(frame);
        Removed++;
        _policy.OnRemove(frame);
        return dirty;
    }

    /// <summary>A fault: the page goes to an empty frame while below capacity, else to the victim's frame.</summary>
    private void Fault(int page, bool write)
    {
        int frame;
        if (_freeCount > _reserved)
        {
            frame = _free[--_freeCount];
            LastEvicted = FrameTable.NoPage;
            LastEvictedDirty = false;
        }
        else
        {
            if (_freeCount == _pages.Length)
            {
                ThrowNoCapacity(page);
            }

            frame = _policy.SelectVictim(page);
            LastEvicted = Evict(frame, out var dirty);
            LastEvictedDirty = dirty;
        }

        _counters.Faults++;
        if (!_seen[page])
        {
            _seen[page] = true;
            _counters.FirstTouchFaults++;
        }

        _pages[frame] = page;
        _frameOf[page] = frame;
        _accessed[frame] = true;
        _dirty[frame] = write;
        _policy.OnInsert(frame, write);
    }

    /// <summary>
    /// Checks the victim is an occupied frame and evicts its page, counting an eviction and a write-back if dirty;
    /// returns the page. The frame still holds it.
    /// </summary>
    private int Evict(int frame, out bool dirty)
    {
        if ((uint)frame >= (uint)_pages.Length || _pages[frame] == FrameTable.NoPage)
        {
            ThrowBadVictim(frame);
        }

        var page = _pages[frame];
        _frameOf[page] = FrameTable.NoPage;
        _counters.Evictions++;
        dirty = _dirty[frame];
        if (dirty)
        {
            _counters.WriteBacks++;
        }

        return page;
    }

    /// <summary>Leaves <paramref name="frame"/> empty, its bits clear, on top of the empty frames.</summary>
    private void Empty(int frame)
    {
        _pages[frame] = FrameTable.NoPage;
        _accessed[frame] = false;
        _dirty[frame] = false;
        _free[_freeCount++] = frame;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBadVictim(int frame) =>
        throw new InvalidOperationException($"replacement policy '{_name}' chose frame {frame} as victim; "
            + $"expected an occupied frame 0..{_pages.Length - 1}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNoCapacity(int page) =>
        throw new InvalidOperationException($"page {page} faulted while the capacity is 0: no page can make room");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNothingResident() =>
        throw new InvalidOperationException("no page is resident to reclaim");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNotAPage(int page) =>
        throw new ArgumentOutOfRangeException(nameof(page), page,
            $"expected a dense page id 0..{_frameOf.Length - 1}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotResident(int page) =>
        throw new ArgumentException($"page {page} is not resident", nameof(page));
}
