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
        // 3 F: HANDcold → 4 → non-resident. 3 is in its test period: mc = 2, so hot ≤ 1: HANDhot demotes 1, then 2
        //      (to the head, cold); 3 turns hot: [4Ct' 1C 2C 3H]
        // 1 hit [.. 1C¹ ..]
        // 5 F: HANDcold → 1¹: cleared, new test period, to the head [4Ct' 2C 3H 1Ct]; → 2, clear, not in test: evicted
        //      and forgotten [4Ct' 3H 1Ct 5Ct]
        // 4 F: HANDcold → 1 → non-resident [4Ct' 3H 1Ct' 5Ct]. 4 in its test period: HANDhot demotes 3; 4 turns hot:
        //      [1Ct' 5Ct 3C 4H]
        // 3 hit  5 hit  4 hit
        // 1 F: HANDcold → 5¹ in its test period, promotion: HANDhot spares 4¹ (to the head), ends 1's test (1 leaves
        //      the clock, mc = 1) and reaches 5 without demoting: 5 stays cold, new test period [3C¹ 4H 5Ct];
        //      → 3¹: new test period [4H 5Ct 3Ct]; → 5, clear: non-resident. 1 is new: [4H 5Ct' 3Ct 1Ct]
        //                                                                           -> 8 faults, 4 hits
        var counters = Replays.Run(c => new ClockProPolicy(c), "1 2 3 4 3 1 5 4 3 5 4 1", frames: 3);

        Assert.Equal(8, counters.Faults);
        Assert.Equal(4, counters.Hits);
    }
}
