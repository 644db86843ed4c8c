using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class NruPolicyTests
{
    private const string DirtyFirst = "1w 2 3 2 3 4 1";

    [Fact]
    public void Replay_TickClearsAccessedBits_DirtyUnreferencedPageGoesFirst()
    {
        // Class = 2·A + D. Tick after accesses 3 and 6:
        // 1w F c3  2 F c2  3 F c2  tick → 1:c1 2:c0 3:c0  2 hit c2  3 hit c2
        // 4 F: class 0 empty, class 1 = {1} → ev1, dirty: written back  tick → 2:c0 3:c0 4:c0
        // 1 F: a random page of class 0 goes, clean                          -> 5 faults, 1 write-back
        var counters = Replays.Run(c => new NruPolicy(c), DirtyFirst, frames: 3, tickPeriod: 3);

        Assert.Equal(5, counters.Faults);
        Assert.Equal(1, counters.WriteBacks);
    }

    [Fact]
    public void Replay_NoTick_ReferencedPagesStayInUpperClasses()
    {
        // No tick: 1w c3  2 c2  3 c2  2 hit  3 hit  4 F: lowest class 2 = {2, 3}, a clean one goes  1 hit
        //                                                                     -> 4 faults, no write-back
        var counters = Replays.Run(c => new NruPolicy(c), DirtyFirst, frames: 3);

        Assert.Equal(4, counters.Faults);
        Assert.Equal(0, counters.WriteBacks);
    }

    [Fact]
    public void Replay_SameSeed_SameCounts()
    {
        var (pages, writes) = LongString();
        var nru = PolicyCatalog.Named("nru");

        Assert.Equal(Replays.Run(nru, pages, writes, frames: 30, tickPeriod: 500, seed: 7),
            Replays.Run(nru, pages, writes, frames: 30, tickPeriod: 500, seed: 7));
    }

    [Fact]
    public void Replay_OtherSeed_OtherCounts()
    {
        var (pages, writes) = LongString();
        var nru = PolicyCatalog.Named("nru");

        Assert.NotEqual(Replays.Run(nru, pages, writes, frames: 30, tickPeriod: 500, seed: 7).Faults,
            Replays.Run(nru, pages, writes, frames: 30, tickPeriod: 500, seed: 8).Faults);
    }

    private static (int[] Pages, bool[] Writes) LongString() =>
        Reference.Locality(seed: 5, length: 20_000, distinct: 300);
}
