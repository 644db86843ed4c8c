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
/// Open points: when A1in holds at most Kin pages but Am is empty (tiny memories, or Kin near all frames), A1in gives
/// the victim. The paper's pseudocode moves a page from A1out to Am without taking its id out of A1out; we take it
/// out, so that a page is in one list. Whether the faulting page is in A1out is decided, as in the paper, before the
/// eviction that makes room for it, which may push that very id out of A1out.
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

    private readonly int _kin;
    private readonly int _kout;

    /// <summary>The ghost the last eviction pushed out of A1out: still a ghost for the fault that caused it.</summary>
    private int _justForgotten = None;

    /// <summary>Creates the policy for one replay.</summary>
    public TwoQPolicy(TwoQOptions options, ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _resident = new IntrusiveLists(context.FrameCount, 2);
        _ghosts = new IntrusiveLists(context.PageCount, 1);
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
        if (_resident.Count(A1In) <= _kin && _resident.Count(Am) > 0)
        {
            return _resident.First(Am);
        }

        var victim = _resident.First(A1In);
        _ghosts.AddLast(A1Out, _frames.PageOf(victim));
        if (_ghosts.Count(A1Out) > _kout)
        {
            _justForgotten = _ghosts.RemoveFirst(A1Out);
        }

        return victim;
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
        var page = _frames.PageOf(frame);
        var reused = page == _justForgotten || _ghosts.ListOf(page) == A1Out;
        if (_ghosts.ListOf(page) == A1Out)
        {
            _ghosts.Remove(page);
        }

        _justForgotten = None;
        _resident.MoveToLast(reused ? Am : A1In, frame);
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
