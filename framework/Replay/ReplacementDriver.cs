using System.Runtime.CompilerServices;
using MemFw.Framework.Replacement;

namespace MemFw.Framework.Replay;

/// <summary>
/// The engine's side of the replacement contract over one frame table: it keeps the frame, page, Accessed and Dirty
/// invariants, counts hits, faults, evictions and write-backs, and calls the policy's primitives in the sequences
/// <see cref="IReplacementPolicy"/> documents. The single-VM replay loop and a shrinking host (VMM swapping) share it.
/// </summary>
/// <remarks>
/// <para>
/// Empty frames wait on a stack: a fault takes the top one before it asks the policy for a victim, and
/// <see cref="Reclaim"/> pushes the frames it empties. The stack starts as 0 on top, then 1, ..., N-1, so a replay
/// without reclaims fills frames 0..N-1 in order, as it always has; a reclaimed frame is the next one filled (last
/// in, first out).
/// </para>
/// <para>
/// The driver never caps how many frames the policy may fill: a fault always takes an empty frame first. A host
/// that keeps a VM below its frame count reclaims again. So a faulting page reaches
/// <see cref="IReplacementPolicy.SelectVictim"/> only when every frame is occupied, as before removals existed.
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

    /// <summary>Frames holding a page.</summary>
    public int Resident => _pages.Length - _freeCount;

    /// <summary>Pages removed by <see cref="Reclaim"/> so far (also counted as evictions).</summary>
    public long Reclaimed { get; private set; }

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

    /// <summary>An access to dense page <paramref name="page"/>: a hit, or a fault that loads the page.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Access(int page, bool write)
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
        }
        else
        {
            Fault(page, write);
        }
    }

    /// <summary>
    /// The VMM takes <paramref name="count"/> frames from the VM: for each, the policy chooses a victim with no
    /// faulting page, its page is evicted (a write-back if dirty) and the frame is left empty for a later fault.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> is negative or more than the occupied frames.
    /// </exception>
    public void Reclaim(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Resident);
        for (var i = 0; i < count; i++)
        {
            var frame = _policy.SelectVictim(FrameTable.NoPage);
            Evict(frame);
            _pages[frame] = FrameTable.NoPage;
            _accessed[frame] = false;
            _dirty[frame] = false;
            _free[_freeCount++] = frame;
            Reclaimed++;
            _policy.OnRemove(frame);
        }
    }

    /// <summary>A fault: the page goes to an empty frame if there is one, else to the victim's frame.</summary>
    private void Fault(int page, bool write)
    {
        _counters.Faults++;
        if (!_seen[page])
        {
            _seen[page] = true;
            _counters.FirstTouchFaults++;
        }

        int frame;
        if (_freeCount > 0)
        {
            frame = _free[--_freeCount];
        }
        else
        {
            frame = _policy.SelectVictim(page);
            Evict(frame);
        }

        _pages[frame] = page;
        _frameOf[page] = frame;
        _accessed[frame] = true;
        _dirty[frame] = write;
        _policy.OnInsert(frame, write);
    }

    /// <summary>Checks the victim is an occupied frame and evicts its page, counting a write-back if dirty.</summary>
    private void Evict(int frame)
    {
        if ((uint)frame >= (uint)_pages.Length || _pages[frame] == FrameTable.NoPage)
        {
            ThrowBadVictim(frame);
        }

        _frameOf[_pages[frame]] = FrameTable.NoPage;
        _counters.Evictions++;
        if (_dirty[frame])
        {
            _counters.WriteBacks++;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBadVictim(int frame) =>
        throw new InvalidOperationException($"replacement policy '{_name}' chose frame {frame} as victim; "
            + $"expected an occupied frame 0..{_pages.Length - 1}");
}
