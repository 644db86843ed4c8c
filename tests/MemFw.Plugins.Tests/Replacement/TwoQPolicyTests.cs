using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class TwoQPolicyTests
{
    [Fact]
    public void Replay_PageReusedAfterProbation_EntersAm()
    {
        // 4 frames: Kin = 1, Kout = 2. Queues oldest first.
        // 1 2 3 4 F A1in=[1 2 3 4]  1 hit (A1in: no change)  5 F: |A1in| > Kin → ev1, A1out=[1], A1in=[2 3 4 5]
        // 1 F: ev2, A1out=[1 2]; 1 was in A1out → Am=[1], A1out=[2], A1in=[3 4 5]
        // 6 F: ev3, A1out=[2 3]  7 F: ev4, A1out=[2 3 4] → drop 2  2 F: ev5, A1out=[3 4 5] → drop 3; 2 is new
        // → A1in=[6 7 2]  1 hit (Am)                                               -> 9 faults, 2 hits
        var counters = Replays.Run(c => new TwoQPolicy(new TwoQOptions(), c), "1 2 3 4 1 5 1 6 7 2 1", frames: 4);

        Assert.Equal(9, counters.Faults);
        Assert.Equal(2, counters.Hits);
    }

    [Fact]
    public void Replay_SmallA1In_VictimFromAm()
    {
        // 4 frames: Kin = 1, Kout = 2.
        // 1 2 3 4 F A1in=[1 2 3 4]  5 F ev1, A1out=[1]  1 F ev2, A1out=[1 2] → Am=[1], A1out=[2], A1in=[3 4 5]
        // 6 F ev3, A1out=[2 3], A1in=[4 5 6]
        // 2 F: 2 is in A1out when it faults (decided with the victim); ev4, A1out=[2 3 4] → drops 2 itself
        //     → Am=[1 2], A1out=[3 4], A1in=[5 6]
        // 3 F ev5, A1out=[3 4 5] → drops 3, likewise → Am=[1 2 3], A1out=[4 5], A1in=[6]
        // 9 F: |A1in| = 1 = Kin → ev Am's LRU, 1, no ghost; A1in=[6 9]  6 hit          -> 10 faults, 1 hit
        var counters = Replays.Run(c => new TwoQPolicy(new TwoQOptions(), c), "1 2 3 4 5 1 6 2 3 9 6", frames: 4);

        Assert.Equal(10, counters.Faults);
        Assert.Equal(1, counters.Hits);
    }

    [Fact]
    public void Replay_GhostPushedOutByItsOwnFault_StillEntersAm()
    {
        // 4 frames, kout = 0.25: Kin = 1, Kout = 1.
        // 1 2 3 4 F  5 F ev1, A1out=[1]  1 F: 1 is in A1out when it faults, decided as the paper does before
        // reclaimfor makes room: ev2, A1out=[1 2] → drops 1 → Am=[1]; A1out=[2], A1in=[3 4 5]
        // 6 7 8 9 F: ev3 ev4 ev5 ev6 (A1in > Kin each time), A1in=[7 8 9]  1 hit (Am)
        //                                                                          -> 10 faults, 1 hit
        var options = new TwoQOptions { Kout = 0.25 };

        var counters = Replays.Run(c => new TwoQPolicy(options, c), "1 2 3 4 5 1 6 7 8 9 1", frames: 4);

        Assert.Equal(10, counters.Faults);
        Assert.Equal(1, counters.Hits);
    }

    [Theory]
    [InlineData(-0.1, 0.5, "kin")]
    [InlineData(1.1, 0.5, "kin")]
    [InlineData(double.NaN, 0.5, "kin")]
    [InlineData(0.25, -1, "kout")]
    [InlineData(0.25, 11, "kout")]
    public void Options_OutOfRange_ThrowsNamingOption(double kin, double kout, string option)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new TwoQOptions { Kin = kin, Kout = kout });

        Assert.Equal(option, exception.ParamName);
    }

    [Fact]
    public void Host_GuestFreesA1inPage_EntersA1out()
    {
        // 4 frames f0..f3: Kin = 1, Kout = 2. xN = the guest frees page N, F = fault:
        // 1 F f0 A1in=[1]  2 F f1 A1in=[1 2]
        // x1: f0 empties, 1 leaves A1in for A1out=[1], as an eviction from A1in would
        // 1 F into empty f0: in A1out → Am=[1]  3 F f2  4 F f3 A1in=[2 3 4]
        // 5 F: |A1in|=3 > Kin → ev2 (f1), A1out=[2]; A1in=[3 4 5]
        // 6 F: ev3 (f2), A1out=[2 3]; A1in=[4 5 6]                                 -> evicted 2 3
        // (Forgotten instead, 1 would come back into A1in=[2 1 3 4] and 6 would evict it.)
        var result = HostMix.RunScript(c => new TwoQPolicy(new TwoQOptions(), c), "1 2 x1 1 3 4 5 6", frames: 4);

        Assert.Equal("hits 0, faults 7 (6 first), evictions 2, write-backs 0; removed ; evicted 2 3; frames 1 5 6 4",
            result.Summary);
    }
}
