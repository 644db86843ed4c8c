using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class WsClockPolicyTests
{
    private static readonly WsClockOptions TauOne = new() { Tau = 1 };

    [Fact]
    public void Replay_OldDirtyPage_ScheduledForWriteBackNotEvicted()
    {
        // tau = 1, a tick after every access records the time of last use of each page with its Accessed bit set.
        // Time = accesses seen; frames f0 f1 f2 with (time of last use); * = dirty.
        // 1w F f0=1*(1)  2 F f1=2(2)  3 F f2=3(3)  3 hit → tick f2(4)
        // 4 F at time 4, hand f0: 1* is 3 old > tau and dirty → written back, kept, hand on;
        //     f1: 2 is 2 old > tau and clean → ev2, f1=4(5)
        // 1 hit                                          -> 4 faults, 1 write-back, 1 eviction (FIFO: 5 faults)
        var counters = Replays.Run(c => new WsClockPolicy(TauOne, c), "1w 2 3 3 4 1", frames: 3, tickPeriod: 1);

        Assert.Equal(4, counters.Faults);
        Assert.Equal(1, counters.Evictions);
        Assert.Equal(1, counters.WriteBacks);
        Assert.Equal(5, Replays.Run(c => new FifoPolicy(c), "1w 2 3 3 4 1", frames: 3).Faults);
    }

    [Fact]
    public void Replay_TickEveryAccess_KeepsRecentlyUsedPage()
    {
        // tau = 1, tick after every access: 1 F f0(1)  2 F f1(2)  3 F f2(3)  1 hit → tick f0(4)
        // 4 F at time 4: f0 0 old, in the working set; f1 2 old, clean → ev2   1 hit           -> 4 faults
        var counters = Replays.Run(c => new WsClockPolicy(TauOne, c), "1 2 3 1 4 1", frames: 3, tickPeriod: 1);

        Assert.Equal(4, counters.Faults);
    }

    [Fact]
    public void Replay_NoTick_AllPagesLookEquallyRecent()
    {
        // No tick: at 4 F (time 4) every page still has its Accessed bit, so the hand clears them all and stamps
        // them all 4; a full turn without a page outside the working set: the oldest clean page, the first met,
        // f0 → ev1.  1 F at time 5: f1 and f2 are 1 old (not > tau), f0 has its bit; oldest clean f1 → ev2 -> 5 faults
        var counters = Replays.Run(c => new WsClockPolicy(TauOne, c), "1 2 3 1 4 1", frames: 3);

        Assert.Equal(5, counters.Faults);
    }

    [Fact]
    public void Replay_EveryOldPageDirty_EvictsFirstCleanedPage()
    {
        // tau = 1, tick after every access: 1w f0*(1)  2w f1*(2)  3w f2*(3)
        // 4 F at time 3: f0 2 old and dirty → written back; f1 1 old, f2 0 old: in the working set.
        // Back at the start having scheduled a write: the first clean page is f0 → ev1 (clean now)  1 F: time 4,
        // hand f1: 2 old, dirty → written back; f2 1 old; f0 0 old; back at f1, clean now → ev2
        //                                                                   -> 5 faults, 2 write-backs, 2 evictions
        var counters = Replays.Run(c => new WsClockPolicy(TauOne, c), "1w 2w 3w 4 1", frames: 3, tickPeriod: 1);

        Assert.Equal(5, counters.Faults);
        Assert.Equal(2, counters.WriteBacks);
        Assert.Equal(2, counters.Evictions);
    }

    [Fact]
    public void Options_TauBelowOne_ThrowsNamingOption()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new WsClockOptions { Tau = 0 });

        Assert.Equal("tau", exception.ParamName);
    }
}
