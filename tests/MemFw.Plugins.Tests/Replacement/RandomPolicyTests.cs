using MemFw.Framework.Replay;
using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class RandomPolicyTests
{
    [Fact]
    public void Replay_TwoFrames_VictimIsTheSeedsFirstDraw()
    {
        // 1 F f0  2 F f1  3 F: the victim is frame Next(2) of Random(seed); then 1 hits only if f1 (page 2) went:
        // draw 0: ev1 → 1 F (4 faults); draw 1: ev2 → 1 hit (3 faults).
        var draw = new Random(ReplaySession.DeriveSeed(42, "random")).Next(2);

        var counters = Replays.Run(c => new RandomPolicy(c), "1 2 3 1", frames: 2, seed: 42);

        Assert.Equal(draw == 0 ? 4 : 3, counters.Faults);
    }

    [Fact]
    public void Replay_OneFrame_FaultsOnEveryChangeOfPage()
    {
        // With one frame every policy evicts the only page: 1 F  1 hit  2 F  1 F  1 hit  3 F          -> 4 faults
        var counters = Replays.Run(c => new RandomPolicy(c), "1 1 2 1 1 3", frames: 1);

        Assert.Equal(4, counters.Faults);
    }

    [Fact]
    public void Replay_SameSeed_SameCounts()
    {
        var (pages, writes) = Reference.Locality(seed: 5, length: 20_000, distinct: 300);
        var random = PolicyCatalog.Named("random");

        Assert.Equal(Replays.Run(random, pages, writes, frames: 30, seed: 7),
            Replays.Run(random, pages, writes, frames: 30, seed: 7));
    }

    [Fact]
    public void Replay_OtherSeed_OtherCounts()
    {
        var (pages, writes) = Reference.Locality(seed: 5, length: 20_000, distinct: 300);
        var random = PolicyCatalog.Named("random");

        Assert.NotEqual(Replays.Run(random, pages, writes, frames: 30, seed: 7).Faults,
            Replays.Run(random, pages, writes, frames: 30, seed: 8).Faults);
    }
}
