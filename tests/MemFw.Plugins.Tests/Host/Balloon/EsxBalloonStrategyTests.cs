using MemFw.Framework.Host;
using MemFw.Plugins.Host.Balloon;

namespace MemFw.Plugins.Tests.Host.Balloon;

public sealed class EsxBalloonStrategyTests : BalloonStrategyContractTests
{
    private protected override IBalloonStrategy Create() => new EsxBalloonStrategy(new EsxBalloonOptions());

    [Fact]
    public void SetTargets_HighState_DeflatesEveryBalloon()
    {
        var vms = new[] { HostViews.Vm(0, granted: 900, ballooned: 100), HostViews.Vm(1, granted: 500) };

        var targets = Targets(Create(), HostViews.Host(total: 1000, state: PressureState.High), vms);

        Assert.Equal([0L, 0], targets);
    }

    [Fact]
    public void SetTargets_SoftState_BalloonsTheIdleVmByWhatItHoldsAboveItsTarget()
    {
        // Host 2000 frames, hypervisor 120, free reserve ceil(0.06 * 2000) = 120: targets must fit 1760.
        // Both VMs start at memory 1000: 240 pages to revoke. tau 0.75 (k = 4), equal shares, so pages go from the
        // highest cost A + 4 (P - A): A all active, cost 1000 - a; B 200 active, cost 200 + 4 (800 - b) = 3400 - 4b.
        // B's cost stays above 1000 for all 240 pages: targets A 1000, B 760.
        // Balloon = balloon + granted - target: A 50 + 900 - 1000 < 0 -> 0 (deflates); B 0 + 1000 - 760 = 240.
        var vms = new[]
        {
            HostViews.Vm(0, granted: 900, active: 1000, ballooned: 50),
            HostViews.Vm(1, granted: 1000, active: 200),
        };

        var targets = Targets(Create(), HostViews.Host(total: 2000, hypervisor: 120), vms);

        Assert.Equal([0L, 240], targets);
    }

    [Fact]
    public void SetTargets_DeepOvercommit_TargetsLevelAdjustedSharesPerPage()
    {
        // Free reserve 0.1: host 1100, hypervisor 130, reserve 110: targets must fit 860.
        // Memory 1000 + 1000 + 100 = 2100: revoke 1240. C has memory 100 = guarantee 100: nothing to revoke.
        // Costs as above: A 1000 - a, B 3400 - 4b (valid while B keeps its 200 active pages, b <= 800).
        // The greedy levels them: 1000 - a = 3400 - 4b and a + b = 1240 -> 5b = 3640, b = 728, a = 512; both costs
        // end at 488, and exactly 512 + 728 pages cost more than 488. Targets A 488, B 272, C 100.
        // Balloon = balloon + granted - target: A 0 + 1000 - 488 = 512; B 100 + 900 - 272 = 728; C no driver: 0.
        var vms = new[]
        {
            HostViews.Vm(0, granted: 1000, active: 1000),
            HostViews.Vm(1, granted: 900, active: 200, ballooned: 100),
            HostViews.Vm(2, memory: 100, granted: 100, guarantee: 100, active: 100, balloon: false),
        };
        var strategy = new EsxBalloonStrategy(new EsxBalloonOptions { FreeReserve = 0.1 });

        var targets = Targets(strategy, HostViews.Host(total: 1100, hypervisor: 130, state: PressureState.Hard), vms);

        Assert.Equal([512L, 728, 0], targets);
    }

    [Fact]
    public void SetTargets_LimitBelowMemory_RevocationStartsFromTheLimit()
    {
        // Host 1000, no hypervisor, reserve 60: targets must fit 940. A: memory 1000 but limit 600; B: memory 400.
        // Largest allocations 600 + 400 = 1000: revoke 60. Costs (both all idle, k = 4): A 4 (600 - a) = 2400 - 4a,
        // B 4 (400 - b) = 1600 - 4b: all 60 from A (its cost stays above 1600). Target A 540.
        // Balloon A = 0 + 600 - 540 = 60; B = 0 + 400 - 400 = 0.
        var vms = new[]
        {
            HostViews.Vm(0, memory: 1000, granted: 600, limit: 600),
            HostViews.Vm(1, memory: 400, granted: 400),
        };

        var targets = Targets(Create(), HostViews.Host(total: 1000, state: PressureState.Low), vms);

        Assert.Equal([60L, 0], targets);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Options_FreeReserveOutOfRange_ThrowsNamingOption(double reserve)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EsxBalloonOptions { FreeReserve = reserve });

        Assert.Equal("free-reserve", exception.ParamName);
    }

    [Fact]
    public void Options_TaxRateOne_ThrowsNamingOption()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new EsxBalloonOptions { TaxRate = 1 });

        Assert.Equal("tax-rate", exception.ParamName);
    }
}
