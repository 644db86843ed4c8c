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

    [Fact]
    public void Shrink_Removals_BecomeGhostsThatAdaptTargetWhenRefaulted()
    {
        // c = 3 frames f0 f1 f2, lists least recent first, p = 0, -k = the VMM reclaims k frames, F = fault:
        // 1 F f0 T1=[1]  1 hit T2=[1]  2 F f1 T1=[2]  3 F f2 T1=[2 3]
        // -1: REPLACE with no page, |T1|=2 > p=0 → 2 removed (f1), B1=[2]; T1=[3], T2=[1]
        // 2 F into empty f1, cache not full: case II, δ1 = 1, p = 1, no REPLACE; T2=[1 2], B1=[]
        // -1: |T1|=1 not > p=1, and with no page the B2 tie rule cannot apply → T2's LRU, 1 removed (f0), B2=[1];
        //     T2=[2], T1=[3]
        // 4 F into empty f0, not full: case IV, |T1|+|B1| = 1 < c, 3 in the lists < 2c: nothing trimmed; T1=[3 4]
        // 1 F, full: case III, δ2 = 1, p = 0; REPLACE(1, 0), |T1|=2 > 0 → ev3 (f2), B1=[3]; T2=[2 1], T1=[4]
        // 3 F, full: case II, δ1 = 1, p = 1; REPLACE(3, 1), |T1|=1 not > 1 → ev2 (f1), B2=[2]; T2=[1 3], T1=[4]
        // 8 accesses: 1 hit, 7 faults (4 first touches), 2 evictions at faults + 2 removals
        var result = Shrinking.Run(c => new ArcPolicy(c), "1 1 2 3 -1 2 -1 4 1 3", frames: 3);

        Assert.Equal("hits 1, faults 7 (4 first), evictions 4, write-backs 0; removed 2 1; evicted 3 2; frames 4 3 1",
            result.Summary);
    }

    [Fact]
    public void Shrink_RemovalWithT2Empty_TakesT1EvenAtTarget()
    {
        // c = 2 frames f0 f1, p = 0, -k = the VMM reclaims k frames, F = fault:
        // 1 F f0  2 F f1  T1=[1 2]
        // -1: |T1|=2 > p=0 → 1 removed (f0), B1=[1]; T1=[2]
        // 1 F into empty f0, not full: case II, p = 1; T2=[1], T1=[2], B1=[]
        // -2: |T1|=1 not > p=1 → T2's LRU, 1 removed (f0), B2=[1], T2=[];
        //     |T1|=1 not > p=1 but T2 is empty → T1's LRU, 2 removed (f1), B1=[2]; memory empty
        // 3 F into f1 (removed last), not full: case IV, |T1|+|B1| = 1 < c, 2 in the lists < 2c: T1=[3]
        // 1 F into f0, not full: case III, δ2 = 1 (|B2|=1 ≥ |B1|=1), p = 0; T2=[1], B2=[]
        // 2 F, full: case II, δ1 = 1, p = 1; REPLACE(2, 1): |T1|=1 not > 1 → ev1 (f0), B2=[1]; T2=[2], T1=[3]
        // 6 accesses, all faults (3 first touches), 1 eviction at a fault + 3 removals
        var result = Shrinking.Run(c => new ArcPolicy(c), "1 2 -1 1 -2 3 1 2", frames: 2);

        Assert.Equal("hits 0, faults 6 (3 first), evictions 4, write-backs 0; removed 1 1 2; evicted 1; frames 2 3",
            result.Summary);
    }

    [Fact]
    public void Host_GuestFreesPage_BecomesGhostThatAdaptsTarget()
    {
        // c = 3 frames f0 f1 f2, lists least recent first, p = 0, xN = the guest frees page N, F = fault:
        // 1 F f0 T1=[1]  1 hit T2=[1]  2 F f1 T1=[2]  3 F f2 T1=[2 3]
        // x2: f1 empties, 2 leaves T1 for the MRU end of B1: T1=[3], B1=[2]
        // 2 F into empty f1, not full: case II, δ1 = 1, p = 1, no REPLACE; T2=[1 2], B1=[]
        // 4 F, full: case IV, |T1|+|B1| = 1 < c, 3 in the lists ≥ c: REPLACE(4, 1), |T1|=1 not > 1 → T2's LRU,
        //     ev1 (f0), B2=[1]; T1=[3 4]
        // 3 hit                                                                    -> 5 faults, 2 hits
        // (Forgotten instead, 2 would come back as new into T1=[3 2] with p = 0, and 4 would evict 3.)
        var result = HostMix.RunScript(c => new ArcPolicy(c), "1 1 2 3 x2 2 4 3", frames: 3);

        Assert.Equal("hits 2, faults 5 (4 first), evictions 1, write-backs 0; removed ; evicted 1; frames 4 2 3",
            result.Summary);
    }

    [Fact]
    public void Host_FaultAtCapacityBelowFrames_Replaces()
    {
        // c = 3 frames, capacity 1, p = 0:
        // 1 F f0 T1=[1]
        // 2 F at capacity: case IV with 1 page in the lists (< c, where Fig. 4 has no REPLACE): REPLACE(2, 0),
        //     |T1|=1 > 0 → ev1 (f0), B1=[1]; T1=[2]
        // 1 F at capacity: case II, δ1 = 1, p = 1; REPLACE(1, 1): |T1|=1 not > 1, T2 empty → T1's LRU, ev2 (f0),
        //     B1=[1 2]; 1 leaves B1 for T2=[1]                                     -> 3 faults, frames f1 f2 empty
        var result = HostMix.RunScript(c => new ArcPolicy(c), "1 c1 2 1", frames: 3);

        Assert.Equal("hits 0, faults 3 (2 first), evictions 2, write-backs 0; removed ; evicted 1 2; frames 1 - -",
            result.Summary);
    }
}
