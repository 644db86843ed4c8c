using System.Diagnostics;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Plugins.Collections;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// CLOCK-Pro: one clock of hot pages, resident cold pages and non-resident cold pages in their test period, with three
/// hands. A cold page referenced during its test period becomes hot; HANDcold evicts unreferenced cold pages,
/// HANDhot demotes unreferenced hot pages and ends test periods it passes, HANDtest ends test periods when more than
/// m non-resident pages are remembered; the resident cold share mc adapts to the hits in test periods.
/// </summary>
/// <remarks>
/// <para>
/// Jiang, Chen and Zhang, "CLOCK-Pro: an effective improvement of the CLOCK replacement", USENIX ATC 2005, section 4
/// (4.2: the hands; 4.3: adapting mc), with m the number of frames. The clock runs from the tail (largest recency,
/// where the hands go first) to the head; "moving a page to the list head" appends it there; a hand reaching the head
/// goes on at the tail. A page's reference bit is its frame's Accessed bit, cleared when the page is loaded (the
/// faulting access is not a re-reference).
/// </para>
/// <para>
/// Choices where the paper is open. mc starts at 1% of the frames (at least 1), the resident HIR share of LIRS
/// (Jiang and Zhang, SIGMETRICS 2002) that CLOCK-Pro derives from, and stays within 1..m-1. While free frames remain
/// a new page is hot until the hot pages reach m - mc. A page a hand passes with a decision (a spared or demoted hot
/// page, a referenced cold page) moves to the head, CLOCK's equivalent of the hand moving past it; cold pages HANDhot
/// passes stay where they are, behind it. HANDhot rests on a hot page ("finally the hand stops at a hot page") and is
/// put on the first hot page there is. A promotion needs HANDhot to turn a hot page cold before it reaches the page
/// being promoted and before the page's test period ends; otherwise the page stays cold with a new test period (as
/// in the authors' reference code, which the paper does not describe; Caffeine's simulator documents it). A test
/// period ended on a resident page whose reference bit is set counts for mc as a hit in the test period. HANDtest
/// runs while the non-resident pages exceed m (4.2; 4.3's bound mc + m on all cold pages says nearly the same).
/// </para>
/// <para>
/// A fault on a non-resident page in its test period is a reference in that period, made before HANDcold runs to
/// free a frame for it; <see cref="SelectVictim"/> is told the page, so at the fault mc grows by one (4.3), the page
/// stops counting as non-resident, and the hands that run for its frame leave its test period alone. Once loaded it
/// turns hot as 4.2 says, if HANDhot makes room in time. (Caffeine's simulator evicts first and adapts mc after, so
/// HANDtest or HANDhot can end the test period of the very page being loaded, which then enters as a new cold page.)
/// </para>
/// <para>
/// A reclaim (the VMM taking a frame, <see cref="SelectVictim"/> told no page) is HANDcold's eviction as for a
/// fault, without the reference: the page leaves memory and, in its test period, stays in the clock as non-resident.
/// If removals have left only hot pages resident, HANDhot first turns one cold. A page that faults into a frame left
/// empty is handled in <see cref="OnInsert"/> as SelectVictim would have: a non-resident page in its test period
/// raises mc and may turn hot; other new pages are hot while hot and resident cold pages stay below m - mc.
/// </para>
/// <para>
/// A removal the engine chose (the guest freed the page: <see cref="OnRemove"/> finds the frame's page still
/// resident) is an eviction without a hand: a cold page in its test period stays as non-resident (HANDtest runs while
/// more than m are), other cold pages and hot pages (which the paper evicts only once HANDhot has turned them cold,
/// out of test) leave the clock; mc stays. A hand on a page leaving the clock moves to the next page, so HANDhot may
/// rest on a cold page until it next runs. m stays the frame count when a host sets a lower capacity: a fault at that
/// capacity loads its page cold, as into full memory, though frames are empty.
/// </para>
/// </remarks>
[ReplacementPolicy("clock-pro", Description = "CLOCK-Pro: hot/cold clock with test periods and non-resident history",
    Source = "Jiang, Chen and Zhang, USENIX ATC 2005, section 4")]
public sealed class ClockProPolicy : IReplacementPolicy
{
    private const int Clock = 0;
    private const int None = IntrusiveLists.None;
    private const int NotResident = -1;
    private const byte Out = 0;
    private const byte Hot = 1;
    private const byte Cold = 2;

    private readonly FrameTable _frames;

    /// <summary>The clock over dense page ids: <c>First</c> is the tail, <c>Last</c> the head.</summary>
    private readonly IntrusiveLists _clock;

    /// <summary>Each page's status: <see cref="Out"/> of the clock, <see cref="Hot"/> or <see cref="Cold"/>.</summary>
    private readonly byte[] _status;

    /// <summary>Whether each cold page is in its test period.</summary>
    private readonly bool[] _inTest;

    /// <summary>The frame of each resident page, or <see cref="NotResident"/>.</summary>
    private readonly int[] _frameOf;

    /// <summary>The page each frame was last given (its page while it is occupied), for removals.</summary>
    private readonly int[] _pageIn;

    /// <summary>m: the frames.</summary>
    private readonly int _memory;

    private readonly int _maxColdTarget;

    /// <summary>mc: the target number of resident cold pages.</summary>
    private int _coldTarget;

    private int _hot;
    private int _residentCold;
    private int _nonResident;
    private int _handHot = None;
    private int _handCold = None;
    private int _handTest = None;

    /// <summary>
    /// The non-resident page in its test period that faulted, from <see cref="SelectVictim"/> until
    /// <see cref="OnInsert"/> loads it: the hands leave its test period alone.
    /// </summary>
    private int _reaccessed = None;

    /// <summary>Whether <see cref="SelectVictim"/> made room for a faulting page that <see cref="OnInsert"/> loads.</summary>
    private bool _replacing;

    /// <summary>Creates the policy for one replay.</summary>
    public ClockProPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _memory = context.FrameCount;
        _clock = new IntrusiveLists(context.PageCount, 1);
        _status = new byte[context.PageCount];
        _inTest = new bool[context.PageCount];
        _frameOf = new int[context.PageCount];
        Array.Fill(_frameOf, NotResident);
        _pageIn = new int[context.FrameCount];
        _maxColdTarget = Math.Max(1, _memory - 1);
        _coldTarget = Math.Clamp(_memory / 100, 1, _maxColdTarget);
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
        var page = _frames.PageOf(frame);
        _frames.ClearAccessed(frame);
        if (page != _reaccessed && _status[page] == Cold)
        {
            // An empty frame took a non-resident page in its test period, unseen by SelectVictim.
            ReferenceInTest(page);
        }

        _frameOf[page] = frame;
        _pageIn[frame] = page;
        var replacing = _replacing;
        _replacing = false;

        if (page == _reaccessed)
        {
            // Its reuse distance beats the hot pages': it turns hot if HANDhot makes room in time.
            _reaccessed = None;
            if (!TryPromote(page))
            {
                _residentCold++;
            }
        }
        else if (!replacing && _hot + _residentCold < _memory - _coldTarget)
        {
            _status[page] = Hot;
            _hot++;
            _clock.AddLast(Clock, page);
            _handHot = _handHot == None ? page : _handHot;
        }
        else
        {
            _status[page] = Cold;
            _inTest[page] = true;
            _residentCold++;
            _clock.AddLast(Clock, page);
        }
    }

    /// <inheritdoc/>
    public int SelectVictim(int page)
    {
        if (page != FrameTable.NoPage && _status[page] == Cold)
        {
            // A non-resident page faulted in its test period: a reference in it, before HANDcold runs (4.3).
            ReferenceInTest(page);
        }

        _replacing = page != FrameTable.NoPage;

        // HANDcold: the first unreferenced resident cold page goes; referenced ones are promoted or retested.
        while (true)
        {
            while (_residentCold == 0)
            {
                // Only after removals: every resident page is hot, and HANDhot turns one cold for HANDcold.
                Debug.Assert(_hot > 0, "a victim is asked for while a page is resident");
                RunHandHot(None);
            }

            var cold = _handCold == None ? _clock.First(Clock) : _handCold;
            while (_status[cold] != Cold || _frameOf[cold] == NotResident)
            {
                cold = Step(cold);
            }

            _handCold = Step(cold);
            var frame = _frameOf[cold];
            if (_frames.IsAccessed(frame))
            {
                _frames.ClearAccessed(frame);
                if (!_inTest[cold])
                {
                    _inTest[cold] = true;
                    MoveToHead(cold);
                }
                else
                {
                    AdjustColdTarget(+1);
                    if (TryPromote(cold))
                    {
                        _residentCold--;
                    }
                }

                continue;
            }

            EvictCold(cold);
            return frame;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// After a reclaim, nothing to do: <see cref="SelectVictim"/> already evicted the page as HANDcold does. After a
    /// removal the engine chose, the page is still resident here and leaves memory as an evicted page would.
    /// </remarks>
    public void OnRemove(int frame)
    {
        var page = _pageIn[frame];
        if (_frameOf[page] != frame)
        {
            return;
        }

        if (_status[page] == Cold)
        {
            EvictCold(page);
            return;
        }

        _frameOf[page] = NotResident;
        _hot--;
        LeaveClock(page);
        if (_hot == 0)
        {
            _handHot = None;
        }
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    /// <summary>
    /// Resident cold <paramref name="page"/> leaves memory: in its test period it stays in the clock as non-resident,
    /// and HANDtest runs while more than m non-resident pages are remembered; otherwise it leaves the clock.
    /// </summary>
    private void EvictCold(int page)
    {
        _frameOf[page] = NotResident;
        _residentCold--;
        if (_inTest[page])
        {
            _nonResident++;
            while (_nonResident > _memory)
            {
                RunHandTest();
            }
        }
        else
        {
            LeaveClock(page);
        }
    }

    /// <summary>The page after <paramref name="page"/> in the hands' direction, round the clock.</summary>
    private int Step(int page)
    {
        var next = _clock.Next(page);
        return next == None ? _clock.First(Clock) : next;
    }

    /// <summary>
    /// A cold page referenced in its test period (4.2), mc already raised for it: becomes hot at the head if HANDhot
    /// can make room for it before reaching it and before its test period ends; otherwise starts a new test period at
    /// the head.
    /// </summary>
    private bool TryPromote(int page)
    {
        while (_hot >= _memory - _coldTarget)
        {
            if (!_inTest[page] || !RunHandHot(page))
            {
                _inTest[page] = true;
                MoveToHead(page);
                return false;
            }
        }

        _status[page] = Hot;
        _inTest[page] = false;
        _hot++;
        MoveToHead(page);
        _handHot = _handHot == None ? page : _handHot;
        return true;
    }

    /// <summary>
    /// HANDhot, up to <paramref name="candidate"/>: spares referenced hot pages (clearing the bit, moving them to the
    /// head), turns the first unreferenced one cold (also to the head), ends the test periods of the cold pages it
    /// passes, and stops at the next hot page. False if it reached the candidate without turning a page cold.
    /// </summary>
    private bool RunHandHot(int candidate)
    {
        if (_handHot == None)
        {
            return false;
        }

        var page = _handHot;
        while (page != candidate)
        {
            var next = Step(page);
            if (_status[page] == Hot)
            {
                var frame = _frameOf[page];
                var referenced = _frames.IsAccessed(frame);
                _frames.ClearAccessed(frame);
                MoveToHead(page);
                if (!referenced)
                {
                    _status[page] = Cold;
                    _hot--;
                    _residentCold++;
                    _handHot = SettleHandHot(next);
                    return true;
                }
            }
            else if (EndsTest(page))
            {
                EndTest(page);
            }

            page = next;
        }

        _handHot = SettleHandHot(page);
        return false;
    }

    /// <summary>Moves HANDhot from <paramref name="page"/> to the next hot page, ending test periods.</summary>
    private int SettleHandHot(int page)
    {
        if (_hot == 0)
        {
            return None;
        }

        while (_status[page] != Hot)
        {
            var next = Step(page);
            if (EndsTest(page))
            {
                EndTest(page);
            }

            page = next;
        }

        return page;
    }

    /// <summary>HANDtest: ends the test period of the next cold page in one.</summary>
    private void RunHandTest()
    {
        var page = _handTest == None ? _clock.First(Clock) : _handTest;
        while (_status[page] != Cold || !EndsTest(page))
        {
            page = Step(page);
        }

        var next = Step(page);
        EndTest(page);
        _handTest = next == page ? None : next;
    }

    /// <summary>Whether a hand passing <paramref name="page"/> ends its test period: not the faulting page's.</summary>
    private bool EndsTest(int page) => _inTest[page] && page != _reaccessed;

    /// <summary>Ends a cold page's test period; a non-resident page then leaves the clock.</summary>
    private void EndTest(int page)
    {
        _inTest[page] = false;
        var frame = _frameOf[page];
        if (frame == NotResident)
        {
            _nonResident--;
            LeaveClock(page);
            AdjustColdTarget(-1);
        }
        else
        {
            AdjustColdTarget(_frames.IsAccessed(frame) ? +1 : -1);
        }
    }

    /// <summary>
    /// A fault on non-resident cold <paramref name="page"/>, in its test period: mc grows by one (4.3), and the page
    /// is the one the hands leave alone until <see cref="OnInsert"/> loads it.
    /// </summary>
    private void ReferenceInTest(int page)
    {
        Debug.Assert(_frameOf[page] == NotResident && _inTest[page], "a faulting page in the clock is in test");
        _reaccessed = page;
        _nonResident--;
        AdjustColdTarget(+1);
    }

    private void AdjustColdTarget(int change) =>
        _coldTarget = Math.Clamp(_coldTarget + change, 1, _maxColdTarget);

    private void MoveToHead(int page)
    {
        Unlink(page);
        _clock.AddLast(Clock, page);
    }

    private void LeaveClock(int page)
    {
        Unlink(page);
        _status[page] = Out;
    }

    /// <summary>Takes <paramref name="page"/> off the clock, moving any hand on it to the next page.</summary>
    private void Unlink(int page)
    {
        var next = Step(page);
        next = next == page ? None : next;
        _handHot = _handHot == page ? next : _handHot;
        _handCold = _handCold == page ? next : _handCold;
        _handTest = _handTest == page ? next : _handTest;
        _clock.Remove(page);
    }
}
