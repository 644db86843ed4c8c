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
        // 4 F (case IV, |T1|+|B1| = 2 < c, 3 pages ≥ c): REPLACE, |T1|=2 > p=0 → ev2, B1=[2], T1=[3 4]
        // 2 F (case II, in B1): p = 0 + 1 = 1; REPLACE, |T1|=2 > 1 → ev3; B1=[3], T2=[1 2], T1=[4]
        // 5 F (case IV, |T1|+|B1| = 2 < c): REPLACE, |T1|=1 not > p=1 → T2's LRU, ev1, B2=[1], T1=[4 5]
        // 1 F (case III, in B2): p = 1 - 1 = 0; REPLACE, |T1|=2 > 0 → ev4; B1=[3 4], B2=[], T2=[2 1], T1=[5]
        // 2 hit  1 hit                                                             -> 7 faults, 3 hits
        var counters = Replays.Run(c => new ArcPolicy(c), "1 1 2 3 4 2 5 1 2 1", frames: 3);

        Assert.Equal(7, counters.Faults);
        Assert.Equal(3, counters.Hits);
    }

    [Fact]
    public void Replay_GhostHitMovingTargetPastT1_AdaptsBeforeReplace()
    {
        // Fig. 4 adapts p to the faulting page, then runs REPLACE. c = 2:
        // 1 F T1=[1]  1 hit T2=[1]  2 F T1=[2]
        // 3 F (case IV, |T1|+|B1| = 1 < c, 2 pages ≥ c): REPLACE(3, p=0), |T1|=1 > 0 → ev2, B1=[2], T1=[3]
        // 2 F (case II, in B1): δ1 = 1 (|B1|=1 ≥ |B2|=0), p = 1; REPLACE(2, 1): |T1|=1 not > 1 and 2 is not in B2
        //     → T2's LRU, ev1, B2=[1]; B1=[], T2=[2], T1=[3]
        // 1 F (case III, in B2): δ2 = 1 (|B2|=1 ≥ |B1|=0), p = 0; REPLACE(1, 0): |T1|=1 > 0 → ev3, B1=[3];
        //     B2=[], T2=[2 1], T1=[]                                               -> 5 faults, 1 hit
        // (Choosing the victim with p as it stood before the fault, p = 0, would evict 3 at the second fault of 2,
        // keep 1 and give 4 faults.)
        var counters = Replays.Run(c => new ArcPolicy(c), "1 1 2 3 2 1", frames: 2);

        Assert.Equal(5, counters.Faults);
        Assert.Equal(1, counters.Hits);
    }

    [Fact]
    public void Replay_GhostHitInB2WithT1AtTarget_EvictsFromT1()
    {
        // REPLACE's tie rule: x in B2 and |T1| = p takes T1's LRU. c = 3:
        // 1 F T1=[1]  1 hit T2=[1]  2 F T1=[2]  3 F T1=[2 3]
        // 4 F (case IV, |T1|+|B1| = 2 < c, 3 pages ≥ c): REPLACE, |T1|=2 > p=0 → ev2, B1=[2], T1=[3 4]
        // 2 F (case II): δ1 = 1, p = 1; REPLACE, |T1|=2 > 1 → ev3, B1=[3]; T2=[1 2], T1=[4]
        // 3 F (case II): δ1 = 1 (|B1|=1 ≥ |B2|=0), p = 2; REPLACE, |T1|=1 not > 2 and 3 is not in B2 → ev1,
        //     B2=[1]; B1=[], T2=[2 3], T1=[4]
        // 1 F (case III): δ2 = 1 (|B2|=1 ≥ |B1|=0), p = 1; REPLACE(1, 1): |T1|=1 = p and 1 is in B2 → ev4,
        //     B1=[4]; B2=[], T2=[2 3 1], T1=[]
        // 2 hit                                                                    -> 7 faults, 2 hits
        // (Without the tie rule REPLACE takes T2's LRU, 2, which then faults: 8 faults, 1 hit.)
        var counters = Replays.Run(c => new ArcPolicy(c), "1 1 2 3 4 2 3 1 2", frames: 3);

        Assert.Equal(7, counters.Faults);
        Assert.Equal(2, counters.Hits);
    }
}
