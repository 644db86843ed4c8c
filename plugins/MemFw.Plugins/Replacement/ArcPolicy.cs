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
/// One departure the engine forces: it asks for the victim before it says which page faulted, while Fig. 4 adapts p
/// to the faulting page and then runs REPLACE. The victim is therefore chosen with p as it stood before this fault
/// (a ghost hit moves p one fault later), and REPLACE's tie rule "x in B2 and |T1| = p" cannot be told apart and
/// takes T2, as it does for every page not in B2. Everything else of the figure (the four cases, which ghost entry
/// is dropped, whether the evicted page becomes a ghost) runs in <see cref="OnInsert"/>, once the page is known,
/// on the state the figure sees.
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

    /// <summary>c: the cache size in pages.</summary>
    private readonly int _capacity;

    /// <summary>p: the target size of T1.</summary>
    private double _target;

    /// <summary>The page <see cref="SelectVictim"/> chose, still in T1 or T2 until <see cref="OnInsert"/>.</summary>
    private int _victim = None;

    /// <summary>Creates the policy for one replay.</summary>
    public ArcPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _capacity = context.FrameCount;
        _lists = new IntrusiveLists(context.PageCount, 4);
        _frameOf = new int[context.PageCount];
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => _lists.MoveToLast(T2, _frames.PageOf(frame));

    /// <inheritdoc/>
    public int SelectVictim(int page)
    {
        // REPLACE's choice (Fig. 4) for a page not in B2, with the current p.
        var t1 = _lists.Count(T1);
        var fromT1 = t1 >= 1 && (t1 > _target || _lists.Count(T2) == 0);
        _victim = _lists.First(fromT1 ? T1 : T2);
        return _frameOf[_victim];
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
        var page = _frames.PageOf(frame);
        _frameOf[page] = frame;
        var ghosts = _lists.ListOf(page);
        if (ghosts is B1 or B2)
        {
            // Cases II and III: a ghost hit asks for a larger T1 (B1) or a larger T2 (B2).
            var b1 = _lists.Count(B1);
            var b2 = _lists.Count(B2);
            _target = ghosts == B1
                ? Math.Min(_capacity, _target + (b1 >= b2 ? 1 : (double)b2 / b1))
                : Math.Max(0, _target - (b2 >= b1 ? 1 : (double)b1 / b2));
            _lists.Remove(page);
            Replace();
            _lists.AddLast(T2, page);
        }
        else
        {
            InsertNew(page);
        }

        Debug.Assert(_lists.Count(T1) + _lists.Count(B1) <= _capacity
            && _lists.Count(T1) + _lists.Count(T2) + _lists.Count(B1) + _lists.Count(B2) <= 2 * _capacity,
            "the lists outgrew c and 2c");
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    /// <summary>Case IV: a page in no list enters T1, after the eviction and ghost trimming of Fig. 4.</summary>
    private void InsertNew(int page)
    {
        var t1 = _lists.Count(T1);
        var b1 = _lists.Count(B1);
        if (t1 + b1 == _capacity)
        {
            if (t1 < _capacity)
            {
                _lists.RemoveFirst(B1);
                Replace();
            }
            else
            {
                // T1 fills the cache: its least recent page leaves without a ghost.
                Debug.Assert(_lists.ListOf(_victim) == T1, "the victim must come from T1");
                _lists.Remove(_victim);
                _victim = None;
            }
        }
        else if (_victim != None)
        {
            if (t1 + _lists.Count(T2) + b1 + _lists.Count(B2) == 2 * _capacity)
            {
                _lists.RemoveFirst(B2);
            }

            Replace();
        }

        _lists.AddLast(T1, page);
    }

    /// <summary>REPLACE's second half: the chosen victim becomes the most recent ghost of its list.</summary>
    private void Replace()
    {
        Debug.Assert(_victim != None, "ghosts exist only once the cache is full, so a victim was chosen");
        var ghosts = _lists.ListOf(_victim) == T1 ? B1 : B2;
        _lists.Remove(_victim);
        _lists.AddLast(ghosts, _victim);
        _victim = None;
    }
}
