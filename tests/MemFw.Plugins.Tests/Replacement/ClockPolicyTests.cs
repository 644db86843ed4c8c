using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class ClockPolicyTests
{
    [Fact]
    public void Replay_ReferencedPageUnderHand_IsPassedOver()
    {
        // Frames f0 f1 f2, ¹ = Accessed bit, h = hand:
        // 1 F f0=1¹  2 F f1=2¹  3 F f2=3¹ (h f0)
        // 4 F: f0 1¹ cleared, f1 2¹ cleared, f2 3¹ cleared, f0 1 ev1 → f0=4¹, h f1
        // 2 hit f1=2¹
        // 5 F: f1 2¹ cleared, f2 3 ev3 → f2=5¹, h f0
        // 2 hit                                                                  -> 5 faults, 2 hits
        var counters = Replays.Run(c => new ClockPolicy(c), "1 2 3 4 2 5 2", frames: 3);

        Assert.Equal(5, counters.Faults);
        Assert.Equal(2, counters.Hits);
    }

    [Fact]
    public void Replay_BeladyStringThreeFrames_NineFaults()
    {
        // 1 2 3 F (h f0)  4 F: one full turn clears all, ev1 → f0=4¹ h f1  1 F ev2 → f1=1¹ h f2
        // 2 F ev3 → f2=2¹ h f0  5 F: full turn, ev4 → f0=5¹ h f1  1 hit  2 hit
        // 3 F: f1 1¹, f2 2¹, f0 5¹ cleared, ev1 → f1=3¹ h f2  4 F ev2 → f2=4¹ h f0  5 hit           -> 9 faults
        var counters = Replays.Run(c => new ClockPolicy(c), "1 2 3 4 1 2 5 1 2 3 4 5", frames: 3);

        Assert.Equal(9, counters.Faults);
    }

    [Theory]
    [InlineData(11, 1)]
    [InlineData(12, 4)]
    [InlineData(13, 9)]
    [InlineData(14, 17)]
    [InlineData(15, 40)]
    [InlineData(16, 64)]
    public void Replay_LocalityString_SameCountsAsSecondChance(int seed, int frames)
    {
        // The hand over a circle of frames and the FIFO queue with requeueing are the same algorithm.
        var (pages, writes) = Reference.Locality(seed, length: 30_000, distinct: 400);

        var clock = Replays.Run(PolicyCatalog.Named("clock"), pages, writes, frames, tickPeriod: 1_000);
        var secondChance = Replays.Run(PolicyCatalog.Named("second-chance"), pages, writes, frames, tickPeriod: 1_000);

        Assert.Equal(secondChance.Faults, clock.Faults);
        Assert.Equal(secondChance.WriteBacks, clock.WriteBacks);
    }

    [Fact]
    public void Shrink_EmptyFrameUnderHand_IsPassedOver()
    {
        // Frames f0 f1 f2, ¹ = Accessed bit, h = hand, -k = the VMM reclaims k frames, F = fault:
        // 1 F f0=1¹  2 F f1=2¹  3 F f2=3¹ (h f0)
        // -1: one turn clears 1¹ 2¹ 3¹, then f0 (1) is removed, h f1; f0 is empty (bits clear)
        // 2 hit f1=2¹  3 hit f2=3¹
        // -1: f1 2¹ cleared, f2 3¹ cleared, f0 empty: passed over (its clear bit does not make it a victim),
        //     f1 (2) removed, h f2
        // 4 F: empty f1 (removed last) takes it, no victim, f1=4¹  5 F: empty f0, f0=5¹
        // 6 F: f2 (3, cleared at the last removal) ev3 → f2=6¹, h f0
        // 2 F: f0 5¹, f1 4¹, f2 6¹ cleared, f0 (5) ev5 → f0=2¹, h f1
        // 9 accesses: 2 hits, 7 faults (6 first touches), 2 evictions at faults + 2 removals
        var result = Shrinking.Run(c => new ClockPolicy(c), "1 2 3 -1 2 3 -1 4 5 6 2", frames: 3);

        Assert.Equal("hits 2, faults 7 (6 first), evictions 4, write-backs 0; removed 1 2; evicted 3 5; frames 2 4 6",
            result.Summary);
    }
}
