using System.Diagnostics;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Plugins.Collections;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Adaptive replacement cache: resident pages seen once recently (T1) or at least twice (T2), ghost lists of the page
/// ids lately evicted from each (B1, B2), and a target size p for T1 that grows on a hit in B1 and shrinks on a hit in
/// B2, so the split between recency and frequency follows the workload.
/// </summary>
/// <remarks>
/// <para>
/// Megiddo and Modha, "ARC: a self-tuning, low overhead replacement cache", FAST 2003, section IV, Fig. 4 (ARC(c)),
/// with c the number of frames. Lists are kept least recent first; ghosts are page ids in per-page arrays, and p
/// and its steps δ1 = |B2|/|B1|, δ2 = |B1|/|B2| are real numbers as in the figure.
/// </para>
/// <para>
/// A miss runs the figure's case for the faulting page x in <see cref="SelectVictim"/>, which the engine tells x:
/// the adaptation of p (cases II and III), the ghost deletions (case IV), then REPLACE(x, p) with its tie rule
/// "x in B2 and |T1| = p", and x's move to T2 or T1. While free frames remain the engine calls only
/// <see cref="OnInsert"/>, which runs the same case; the figure then evicts nothing, as the lists hold fewer than c
/// pages and no ghosts.
/// </para>
/// <para>
/// A host may hold the VM at a capacity below the frame count: it then calls <see cref="SelectVictim"/> for a miss
/// while T1 and T2 hold fewer than c pages. c stays the frame count (the policy is not told the capacity), and such a
/// miss is handled as on a full cache: the case's adaptation and ghost deletions as the figure gives them, then
/// REPLACE(x, p), also when case IV's lists hold fewer than c pages (where the figure, whose cache is never short of
/// c pages with ghosts about, has no REPLACE).
/// </para>
/// <para>
/// A reclaim (the VMM taking a frame) is <see cref="SelectVictim"/> told no page: REPLACE(x, p) with x unknown.
/// p does not adapt (cases II and III need x) and no ghost is trimmed (case IV trims to make room for x); the tie
/// rule "x in B2" cannot apply, so T1's least recent page goes if |T1| &gt; p, else T2's, or T1's when T2 is empty
/// (a shrunk cache can hold T1 pages only). The victim becomes the most recent ghost of its list, as for any
/// eviction; c stays the frame count. A later miss that fills an empty frame runs its case of Fig. 4 with the cache
/// not full: p adapts and the ghost lists are trimmed as the figure says, but REPLACE, which runs only on a full
/// cache, does not.
/// </para>
/// <para>
/// A removal the engine chooses (the guest freed the page; <see cref="OnRemove"/> with no victim asked for) is
/// recorded as an eviction: the page moves from T1 to the most recent end of B1, or from T2 to that of B2, as REPLACE
/// would move it. p does not adapt. |T1| + |B1| and the total of the four lists do not change, so they stay within c
/// and 2c and no ghost needs trimming. The policy keeps the page of each frame to find it.
/// </para>
/// </remarks>
[ReplacementPolicy("arc", Description = "ARC: adaptive split between recency (T1) and frequency (T2), with ghosts",
    Source = "Megiddo and Modha, FAST 2003, section IV, Fig. 4")]
public sealed class ArcPolicy : IReplacementPolicy
{
    private const int T1 = 0;
    private const int T2 = 1;
    private const int B1 = 2;
    private const int B2 = 3;
    private const int None = IntrusiveLists.None;

    private readonly FrameTable _frames;

    /// <summary>T1, T2, B1 and B2 over dense page ids, least recent first.</summary>
    private readonly IntrusiveLists _lists;

    /// <summary>The frame of each resident page.</summary>
    private readonly int[] _frameOf;

    /// <summary>The page each frame was last given (its page while it is occupied), for removals.</summary>
    private readonly int[] _pageIn;

    /// <summary>c: the cache size in pages.</summary>
    private readonly int _capacity;

    /// <summary>p: the target size of T1.</summary>
    private double _target;

    /// <summary>Creates the policy for one replay.</summary>
    public ArcPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _capacity = context.FrameCount;
        _lists = new IntrusiveLists(context.PageCount, 4);
        _frameOf = new int[context.PageCount];
        _pageIn = new int[context.FrameCount];
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => _lists.MoveToLast(T2, _frames.PageOf(frame));

    /// <inheritdoc/>
    public int SelectVictim(int page)
    {
        var victim = page == FrameTable.NoPage ? Replace(page) : Miss(page, full: true);
        Debug.Assert(victim != None, "a cache at capacity evicts a page on every miss, and a reclaim evicts one");
        return _frameOf[victim];
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
        var page = _frames.PageOf(frame);
        _frameOf[page] = frame;
        _pageIn[frame] = page;
        if (_lists.ListOf(page) is not (T1 or T2))
        {
            // A free frame: the engine did not call SelectVictim, so the miss is handled here.
            var victim = Miss(page, full: false);
            Debug.Assert(victim == None, "Fig. 4 evicts nothing while the cache has room");
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// After a reclaim, nothing to do: <see cref="SelectVictim"/> already made the page a ghost. After a removal the
    /// engine chose, the page is still in T1 or T2: it becomes the most recent ghost of B1 or B2.
    /// </remarks>
    public void OnRemove(int frame)
    {
        var page = _pageIn[frame];
        var list = _lists.ListOf(page);
        if (list is T1 or T2)
        {
            _lists.Remove(page);
            _lists.AddLast(list == T1 ? B1 : B2, page);
        }
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    /// <summary>
    /// Cases II to IV of Fig. 4 for a miss on <paramref name="page"/> (x): x ends in T2 or T1; returns the page
    /// evicted to make room for it, or <see cref="IntrusiveLists.None"/> if the cache had room (not
    /// <paramref name="full"/>: at its capacity, which is c unless a host holds the VM lower).
    /// </summary>
    private int Miss(int page, bool full)
    {
        var ghosts = _lists.ListOf(page);
        var victim = None;
        if (ghosts is B1 or B2)
        {
            // Cases II and III: a ghost hit asks for a larger T1 (B1) or a larger T2 (B2), before REPLACE.
            var b1 = _lists.Count(B1);
            var b2 = _lists.Count(B2);
            _target = ghosts == B1
                ? Math.Min(_capacity, _target + (b1 >= b2 ? 1 : (double)b2 / b1))
                : Math.Max(0, _target - (b2 >= b1 ? 1 : (double)b1 / b2));
            if (full)
            {
                victim = Replace(page);
            }

            _lists.Remove(page);
            _lists.AddLast(T2, page);
        }
        else
        {
            victim = MissNew(page, full);
        }

        Debug.Assert(_lists.Count(T1) + _lists.Count(B1) <= _capacity
            && _lists.Count(T1) + _lists.Count(T2) + _lists.Count(B1) + _lists.Count(B2) <= 2 * _capacity,
            "the lists outgrew c and 2c");
        return victim;
    }

    /// <summary>
    /// Case IV: a page in no list enters T1, after the ghost trimming of Fig. 4 and, if the cache is
    /// <paramref name="full"/>, its eviction (REPLACE even where the figure has none, for a cache held below c).
    /// </summary>
    private int MissNew(int page, bool full)
    {
        var victim = None;
        var t1 = _lists.Count(T1);
        var b1 = _lists.Count(B1);
        var all = t1 + _lists.Count(T2) + b1 + _lists.Count(B2);
        if (t1 + b1 == _capacity)
        {
            if (t1 < _capacity)
            {
                _lists.RemoveFirst(B1);
                victim = full ? Replace(page) : None;
            }
            else
            {
                // T1 fills the cache (B1 is empty): its least recent page leaves without a ghost.
                victim = _lists.RemoveFirst(T1);
            }
        }
        else if (all >= _capacity)
        {
            if (all == 2 * _capacity)
            {
                _lists.RemoveFirst(B2);
            }

            victim = full ? Replace(page) : None;
        }
        else if (full)
        {
            // Held below c by the host: fewer than c pages in all the lists, nothing to trim.
            victim = Replace(page);
        }

        _lists.AddLast(T1, page);
        return victim;
    }

    /// <summary>
    /// REPLACE(x, p): the least recent page of T1 if T1 exceeds p, or equals it when x is in B2; otherwise of T2 (of
    /// T1 if T2 is empty, which only a removal meets). It leaves the cache and becomes the most recent ghost of its
    /// list; returns it. <paramref name="page"/> is x, or <see cref="FrameTable.NoPage"/> for a removal.
    /// </summary>
    private int Replace(int page)
    {
        var t1 = _lists.Count(T1);
        var xInB2 = page != FrameTable.NoPage && _lists.ListOf(page) == B2;
        var fromT1 = t1 >= 1 && (t1 > _target || (t1 == _target && xInB2) || _lists.Count(T2) == 0);
        Debug.Assert(fromT1 || _lists.Count(T2) > 0, "REPLACE runs on a cache holding at least one page");
        var victim = _lists.RemoveFirst(fromT1 ? T1 : T2);
        _lists.AddLast(fromT1 ? B1 : B2, victim);
        return victim;
    }
}
