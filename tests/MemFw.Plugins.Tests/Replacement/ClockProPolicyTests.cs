using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class ClockProPolicyTests
{
    [Fact]
    public void Replay_OneTimeScan_KeepsHotPages()
    {
        // m = 10, mc = 1: pages 1..9 fill as hot (m - mc), and are referenced again. The scan 100..199 is cold:
        // each scan page takes the one cold frame and is evicted by the next; HANDhot never runs (no cold page is
        // reused in its test period), so 1..9 are all still resident afterwards.       -> 9 + 100 faults
        var reference = string.Join(' ', Enumerable.Range(1, 9)) + " " + string.Join(' ', Enumerable.Range(1, 9))
            + " " + string.Join(' ', Enumerable.Range(100, 100)) + " " + string.Join(' ', Enumerable.Range(1, 9));

        var counters = Replays.Run(c => new ClockProPolicy(c), reference, frames: 10);

        Assert.Equal(109, counters.Faults);
        Assert.Equal(18, counters.Hits);
    }

    [Fact]
    public void Replay_TestPeriods_PromoteAndDemote()
    {
        // m = 3, mc = 1 (bounds 1..2). Clock from tail to head; H hot, C cold, t in test, ' non-resident, ¹ bit set.
        // 1 F [1H]  2 F [1H 2H]  3 F [1H 2H 3Ct]
        // 4 F: HANDcold → 3, bit clear, in test → non-resident: [1H 2H 3Ct' 4Ct]
        // 3 F: 3 is in its test period: mc = 2 before HANDcold runs; HANDcold → 4 → non-resident. 3 turns hot once
        //      hot < m - mc = 1: HANDhot demotes 1, then 2 (to the head, cold): [4Ct' 1C 2C 3H]
        // 1 hit [.. 1C¹ ..]
        // 5 F: HANDcold → 1¹: cleared, new test period, to the head [4Ct' 2C 3H 1Ct]; → 2, clear, not in test: evicted
        //      and forgotten [4Ct' 3H 1Ct 5Ct]
        // 4 F: in its test period (mc stays 2, its bound). HANDcold → 1 → non-resident [4Ct' 3H 1Ct' 5Ct].
        //      HANDhot demotes 3; 4 turns hot: [1Ct' 5Ct 3C 4H]
        // 3 hit  5 hit  4 hit
        // 1 F: in its test period (mc stays 2). HANDcold → 5¹ in its test period, promotion: HANDhot spares 4¹ (to the
        //      head), passes 1 without ending its test period (1 is the faulting page), reaches 5 without demoting and
        //      ends 5's test period on its way to 4 (bit cleared: mc = 1): 5 stays cold, new test period
        //      [1Ct' 3C¹ 4H 5Ct]; → 3¹: new test period [1Ct' 4H 5Ct 3Ct]; → 5, clear: non-resident.
        //      1 loads and turns hot at once, as hot = 1 < m - mc = 2: [4H 5Ct' 3Ct 1H]
        // 6 F: HANDcold → 3, clear, in test → non-resident [4H 5Ct' 3Ct' 1H 6Ct]
        // 7 F: HANDcold → 6 (1 is hot) → non-resident [4H 5Ct' 3Ct' 1H 6Ct' 7Ct]
        // 1 hit                                                                    -> 10 faults, 5 hits
        // (Were 1 known only once loaded, HANDhot would end its test period at its fault, 1 would come back as a new
        // cold page and 7 would evict it: 11 faults.)
        var counters = Replays.Run(c => new ClockProPolicy(c), "1 2 3 4 3 1 5 4 3 5 4 1 6 7 1", frames: 3);

        Assert.Equal(10, counters.Faults);
        Assert.Equal(5, counters.Hits);
    }

    [Fact]
    public void Replay_FaultInTestPeriod_StopsCountingAsNonResident()
    {
        // m = 2, mc = 1 (bounds 1..1). Notation as above.
        // 1 F [1H]  2 F [1H 2Ct]
        // 3 F: HANDcold → 2 → non-resident [1H 2Ct' 3Ct]  4 F: HANDcold → 3 → non-resident [1H 2Ct' 3Ct' 4Ct]
        // 5 F: HANDcold → 4 → non-resident; 3 non-resident pages > m: HANDtest ends 2's test period, 2 leaves the
        //      clock [1H 3Ct' 4Ct' 5Ct]
        // 3 F: in its test period, so no longer non-resident: HANDcold → 5 → non-resident, 2 non-resident pages (4, 5),
        //      no HANDtest. 3 turns hot once hot < m - mc = 1: HANDhot demotes 1 [4Ct' 5Ct' 1C 3H]
        // 6 F: HANDcold → 1, clear, not in test: evicted and forgotten [4Ct' 5Ct' 3H 6Ct]
        // 3 hit                                                                    -> 7 faults, 1 hit
        // (Counted as non-resident until loaded, 3 would be the third one at its fault: HANDtest would end its test
        // period, 3 would load as a new cold page and 6 would evict it: 8 faults.)
        var counters = Replays.Run(c => new ClockProPolicy(c), "1 2 3 4 5 3 6 3", frames: 2);

        Assert.Equal(7, counters.Faults);
        Assert.Equal(1, counters.Hits);
    }

    [Fact]
    public void Replay_FaultInTestPeriod_RaisesColdTargetBeforeHandCold()
    {
        // m = 4, mc = 1 (bounds 1..3); hot pages fill up to m - mc = 3. Notation as above.
        // 1 F [1H]  2 F [1H 2H]  1 hit  3 F [1H¹ 2H 3H]  2 hit  4 F [1H¹ 2H¹ 3H 4Ct]
        // 5 F: HANDcold → 4, clear, in test → non-resident [1H¹ 2H¹ 3H 4Ct' 5Ct]  5 hit
        // 4 F: in its test period: mc = 2 before HANDcold runs. HANDcold → 5¹ in its test period: mc = 3, and 5 turns
        //      hot once hot < m - mc = 1: HANDhot spares 1¹ and 2¹ (to the head), demotes 3 (to the head; hot = 2),
        //      passes 4 (the faulting page), ends 5's test period (bit cleared: mc = 2) and stops at 1
        //      [4Ct' 5C 1H 2H 3C]; hot = 2 is not < m - mc = 2 and 5's test period is over: 5 stays cold with a new
        //      one, to the head [4Ct' 1H 2H 3C 5Ct]; → 3, clear, not in test: evicted and forgotten [4Ct' 1H 2H 5Ct].
        //      4 loads and turns hot once hot < 2: HANDhot demotes 1 [2H 5Ct 1C 4H]
        // 6 F: HANDcold → 5, clear, in test → non-resident [2H 5Ct' 1C 4H 6Ct]
        // 5 F                                                                      -> 8 faults, 3 hits
        // (Raising mc only when 4 is loaded, 5's promotion would need hot < 2, then hot < 3 once its test period
        // ended: 5 would turn hot after 3's demotion, 6 would evict 1 and 5 would hit: 7 faults.)
        var counters = Replays.Run(c => new ClockProPolicy(c), "1 2 1 3 2 4 5 5 4 6 5", frames: 4);

        Assert.Equal(8, counters.Faults);
        Assert.Equal(3, counters.Hits);
    }

    [Fact]
    public void Host_GuestFreesColdPageInTest_StaysNonResidentAndPromotesOnRefault()
    {
        // m = 3, mc = 1; notation as above, xN = the guest frees page N.
        // 1 F f0 [1H]  2 F f1 [1H 2H]  3 F f2 [1H 2H 3Ct]
        // x3: f2 empties; 3 leaves memory as HANDcold would evict it: in its test period, non-resident [1H 2H 3Ct']
        // 3 F into empty f2: a reference in its test period: mc = 2; 3 turns hot once hot < m - mc = 1: HANDhot
        //     demotes 1, then 2 (to the head): [1C 2C 3H]
        // 4 F: HANDcold → 1, clear, not in test: evicted and forgotten [2C 3H 4Ct]   -> evicted 1
        // (Forgotten instead, 3 would come back as a new cold page and 4 would evict it.)
        var result = HostMix.RunScript(c => new ClockProPolicy(c), "1 2 3 x3 3 4", frames: 3);

        Assert.Equal("hits 0, faults 5 (4 first), evictions 1, write-backs 0; removed ; evicted 1; frames 4 2 3",
            result.Summary);
    }

    [Fact]
    public void Host_GuestFreesHotPage_LeavesClockAndHotCount()
    {
        // m = 3, mc = 1; hot pages fill up to m - mc = 2.
        // 1 F f0 [1H]  2 F f1 [1H 2H]
        // x1: f0 empties; 1 leaves the clock and the hot count [2H]
        // 3 F into empty f0: hot = 1 < 2, hot [2H 3H]  4 F f2: cold [2H 3H 4Ct]
        // 5 F: HANDcold → 4, clear, in test → non-resident [2H 3H 4Ct' 5Ct]          -> evicted 4
        // (Were 1 still counted hot, 3 would enter cold and 5 would evict it.)
        var result = HostMix.RunScript(c => new ClockProPolicy(c), "1 2 x1 3 4 5", frames: 3);

        Assert.Equal("hits 0, faults 5 (5 first), evictions 1, write-backs 0; removed ; evicted 4; frames 3 2 5",
            result.Summary);
    }

    [Fact]
    public void Host_FaultAtCapacityBelowFrames_LoadsCold()
    {
        // m = 3, mc = 1, capacity 2.
        // 1 F f0 [1H]  2 F f1 [1H 2H]
        // 3 F at capacity: no resident cold page, so HANDhot demotes 1 [2H 1C]; HANDcold → 1, clear, not in test:
        //     evicted (f0). 3 enters cold, as into full memory, though f2 is empty [2H 3Ct]
        // 4 F at capacity: HANDcold → 3, clear, in test → non-resident (f0) [2H 3Ct' 4Ct]   -> evicted 1 3
        // (Entering hot by the empty frames' count, 3 would be hot, and 4 would demote and evict 2.)
        var result = HostMix.RunScript(c => new ClockProPolicy(c), "1 2 c2 3 4", frames: 3);

        Assert.Equal("hits 0, faults 4 (4 first), evictions 2, write-backs 0; removed ; evicted 1 3; frames 4 2 -",
            result.Summary);
    }
}
