using MemFw.Framework.Host;
using MemFw.Plugins.Host.Balloon;

namespace MemFw.Plugins.Tests.Host.Balloon;

public sealed class CitrixDmcBalloonStrategyTests : BalloonStrategyContractTests
{
    private protected override IBalloonStrategy Create() => new CitrixDmcBalloonStrategy();

    [Fact]
    public void SetTargets_Overcommitted_EveryVmAtTheSameFractionOfItsRange()
    {
        // Available 10000 - 1000 = 9000. Dynamic [min, max]: A [1000, 4000], B [2000, 3000], D [500, 2500];
        // C has no balloon driver: fixed at its 2000. Minimums 1000 + 2000 + 2000 + 500 = 5500: 3500 above them,
        // ranges 3000 + 1000 + 2000 = 6000, x = 3500 / 6000 = 7/12.
        // Above min: A 1750, B 583.33, D 1166.67 -> whole 1750 + 583 + 1166 = 3499; the last page to the largest
        // remainder, D. Targets A 2750, B 2583, C 2000, D 1667 (sum 9000).
        // Balloons = memory - target: A 1250, B 417, C 0 (no driver), D 833.
        var vms = new[]
        {
            HostViews.Vm(0, memory: 4000, guarantee: 1000),
            HostViews.Vm(1, memory: 3000, guarantee: 2000),
            HostViews.Vm(2, memory: 2000, guarantee: 1000, balloon: false),
            HostViews.Vm(3, memory: 2500, guarantee: 500),
        };

        var targets = Targets(Create(), HostViews.Host(total: 10_000, hypervisor: 1000), vms);

        Assert.Equal([1250L, 417, 0, 833], targets);
    }

    [Fact]
    public void SetTargets_EverythingFits_NoBalloon()
    {
        // Available 9000 >= 4000 + 3000: x = 1, every VM at its dynamic maximum.
        var vms = new[] { HostViews.Vm(0, memory: 4000, guarantee: 1000), HostViews.Vm(1, memory: 3000) };

        Assert.Equal([0L, 0], Targets(Create(), HostViews.Host(total: 10_000, hypervisor: 1000), vms));
    }

    [Fact]
    public void SetTargets_MinimumsDoNotFit_EveryVmAtItsMinimum()
    {
        // Available 2000 < 1000 + 2000: x = 0: balloons 4000 - 1000 and 3000 - 2000.
        var vms = new[]
        {
            HostViews.Vm(0, memory: 4000, guarantee: 1000),
            HostViews.Vm(1, memory: 3000, guarantee: 2000),
        };

        Assert.Equal([3000L, 1000], Targets(Create(), HostViews.Host(total: 2000), vms));
    }
}
