using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class ArcPolicyTests
{
    [Fact]
    public void Replay_OneTimeScan_KeepsPagesSeenTwice()
    {
        // c = 3, lists least recent first, p = 0 throughout:
        // 1 F T1=[1]  1 hit T2=[1]  2 F T1=[2]  2 hit T2=[1 2]  3 F T1=[3]
        // 4 F: |T1|=1 > p → ev3, B1=[3], T1=[4]  5 F: ev4, B1=[3 4], T1=[5]
        // 6 F: |T1|+|B1| = c → drop 3 from B1; ev5, B1=[4 5], T1=[6]  1 hit  2 hit    -> 6 faults (LRU: 8)
        var counters = Replays.Run(c => new ArcPolicy(c), "1 1 2 2 3 4 5 6 1 2", frames: 3);

        Assert.Equal(6, counters.Faults);
        Assert.Equal(8, Replays.Run(c => new LruPolicy(c), "1 1 2 2 3 4 5 6 1 2", frames: 3).Faults);
    }

    [Fact]
    public void Replay_GhostHits_AdaptTarget()
    {
        // c = 3: 1 F T1=[1]  1 hit T2=[1]  2 F T1=[2]  3 F T1=[2 3]
        // 4 F: |T1|=2 > p=0 → ev2, B1=[2], T1=[3 4]
        // 2 F (B1 hit): victim |T1|=2 > p → ev3; p = 0 + 1 = 1; B1=[3], T2=[1 2], T1=[4]
        // 5 F: |T1|=1 not > p=1 → T2's LRU, ev1, B2=[1], T1=[4 5]
        // 1 F (B2 hit): |T1|=2 > p → ev4; p = 1 - 1 = 0; B1=[3 4], B2=[], T2=[2 1], T1=[5]
        // 2 hit  1 hit                                                             -> 7 faults, 3 hits
        // (every victim here is also the one Fig. 4 picks when it adapts p before REPLACE.)
        var counters = Replays.Run(c => new ArcPolicy(c), "1 1 2 3 4 2 5 1 2 1", frames: 3);

        Assert.Equal(7, counters.Faults);
        Assert.Equal(3, counters.Hits);
    }

    [Fact]
    public void Replay_GhostHitMovingTargetPastT1_VictimChosenWithPreviousTarget()
    {
        // The documented departure. c = 2: 1 F  1 hit T2=[1]  2 F T1=[2]  3 F: ev2, B1=[2], T1=[3]
        // 2 F (B1 hit): the victim is chosen with p = 0: |T1|=1 > 0 → ev3, B1=[3], T2=[1 2]; then p = 1.
        // 1 hit                                                                    -> 4 faults
        // Fig. 4 raises p to 1 first, so |T1| = 1 is not > p and it evicts T2's LRU, page 1, which then faults: 5.
        var counters = Replays.Run(c => new ArcPolicy(c), "1 1 2 3 2 1", frames: 2);

        Assert.Equal(4, counters.Faults);
    }
}
