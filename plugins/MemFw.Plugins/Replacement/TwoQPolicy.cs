using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Plugins.Collections;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// 2Q, full version: a page seen for the first time enters A1in, a FIFO of at most Kin pages; evicted from there its
/// id enters A1out, a FIFO of at most Kout ghosts; a fault on a page in A1out brings it into Am, an LRU of the
/// pages that proved reuse. Hits in A1in change nothing, so a burst of correlated references counts once.
/// </summary>
/// <remarks>
/// <para>
/// Johnson and Shasha, "2Q: a low overhead high performance buffer management replacement algorithm", VLDB 1994,
/// section 2 (the full version, procedure reclaimfor). With all frames full, the victim is the oldest page of A1in
/// if A1in holds more than Kin pages, else the least recent page of Am; only pages evicted from A1in become ghosts.
/// </para>
/// <para>
/// Whether the faulting page is in A1out is decided, as in the paper, before reclaimfor makes room for it: in
/// <see cref="SelectVictim"/>, which the engine tells the page, before the eviction that may push that very id out
/// of A1out. While free frames remain no page has been evicted, A1out is empty and every new page enters A1in.
/// </para>
/// <para>
/// A reclaim (the VMM taking a frame, <see cref="SelectVictim"/> told no page) is reclaimfor without a page to
/// make room for: the same victim, and a page taken from A1in enters A1out as an evicted one would. A page that
/// faults into a frame left empty by a removal is checked against A1out there, in <see cref="OnInsert"/>.
/// </para>
/// <para>
/// A removal the engine chose (the guest freed the page; <see cref="OnRemove"/> with no victim asked for) is recorded
/// as an eviction from where the page was, as for ARC and CLOCK-Pro: a page leaving A1in enters A1out (which drops
/// its oldest id beyond Kout), a page leaving Am is forgotten. The policy keeps the page of each frame to find it.
/// </para>
/// <para>
/// A host may hold the VM at a capacity below the frame count: a fault at that capacity reaches
/// <see cref="SelectVictim"/> while frames are empty and runs reclaimfor as on full memory. Kin and Kout stay
/// fractions of the frame count (the policy is not told the capacity).
/// </para>
/// <para>
/// Open points: when A1in holds at most Kin pages but Am is empty (tiny memories, or Kin near all frames), A1in gives
/// the victim. The paper's pseudocode moves a page from A1out to Am without taking its id out of A1out; we take it
/// out once the eviction is done, so that a page is in one list.
/// </para>
/// </remarks>
[ReplacementPolicy("2q", Description = "2Q: FIFO probation (A1in), ghost history (A1out), LRU of reused pages (Am)",
    Source = "Johnson and Shasha, VLDB 1994, section 2 (full version)")]
public sealed class TwoQPolicy : IReplacementPolicy
{
    private const int A1In = 0;
    private const int Am = 1;
    private const int A1Out = 0;
    private const int None = IntrusiveLists.None;

    private readonly FrameTable _frames;

    /// <summary>A1in (FIFO) and Am (LRU) over frames, oldest or least recent first.</summary>
    private readonly IntrusiveLists _resident;

    /// <summary>A1out over dense page ids, oldest first.</summary>
    private readonly IntrusiveLists _ghosts;

    /// <summary>The page each frame was last given (its page while it is occupied), for removals.</summary>
    private readonly int[] _pageIn;

    private readonly int _kin;
    private readonly int _kout;

    /// <summary>The faulting page if it was in A1out when it faulted, so that it enters Am; otherwise none.</summary>
    private int _reused = None;

    /// <summary>Whether <see cref="SelectVictim"/> chose the frame <see cref="OnRemove"/> is told of (a reclaim).</summary>
    private bool _reclaiming;

    /// <summary>Creates the policy for one replay.</summary>
    public TwoQPolicy(TwoQOptions options, ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _resident = new IntrusiveLists(context.FrameCount, 2);
        _ghosts = new IntrusiveLists(context.PageCount, 1);
        _pageIn = new int[context.FrameCount];
        _kin = Math.Max(1, (int)Math.Round(options.Kin * context.FrameCount, MidpointRounding.AwayFromZero));
        _kout = (int)Math.Round(options.Kout * context.FrameCount, MidpointRounding.AwayFromZero);
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
        if (_resident.ListOf(frame) == Am)
        {
            _resident.MoveToLast(Am, frame);
        }
    }

    /// <inheritdoc/>
    public int SelectVictim(int page)
    {
        if (page == FrameTable.NoPage)
        {
            _reclaiming = true;
            return Reclaim();
        }

        _reused = _ghosts.ListOf(page) == A1Out ? page : None;
        var victim = Reclaim();
        if (_ghosts.ListOf(page) == A1Out)
        {
            _ghosts.Remove(page);
        }

        return victim;
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
        var page = _frames.PageOf(frame);
        _pageIn[frame] = page;
        var reused = page == _reused;
        if (_ghosts.ListOf(page) == A1Out)
        {
            // An empty frame took the page without SelectVictim: it was in A1out when it faulted.
            _ghosts.Remove(page);
            reused = true;
        }

        _resident.MoveToLast(reused ? Am : A1In, frame);
        _reused = None;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The frame leaves A1in or Am. After a reclaim, <see cref="SelectVictim"/> already put an A1in page in A1out;
    /// after a removal the engine chose, an A1in page enters A1out here.
    /// </remarks>
    public void OnRemove(int frame)
    {
        if (!_reclaiming && _resident.ListOf(frame) == A1In)
        {
            AddGhost(_pageIn[frame]);
        }

        _reclaiming = false;
        _resident.Remove(frame);
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    /// <summary>
    /// reclaimfor's eviction: the oldest page of A1in if A1in holds more than Kin pages, its id then entering A1out
    /// (which drops its oldest id beyond Kout), else the least recent page of Am; returns its frame.
    /// </summary>
    private int Reclaim()
    {
        if (_resident.Count(A1In) <= _kin && _resident.Count(Am) > 0)
        {
            return _resident.First(Am);
        }

        var victim = _resident.First(A1In);
        AddGhost(_frames.PageOf(victim));
        return victim;
    }

    /// <summary>A page leaving A1in enters A1out, which drops its oldest id beyond Kout.</summary>
    private void AddGhost(int page)
    {
        _ghosts.AddLast(A1Out, page);
        if (_ghosts.Count(A1Out) > _kout)
        {
            _ghosts.RemoveFirst(A1Out);
        }
    }
}
