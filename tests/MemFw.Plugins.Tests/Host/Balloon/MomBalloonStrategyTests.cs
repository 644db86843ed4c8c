using MemFw.Framework.Host;
using MemFw.Plugins.Host.Balloon;

namespace MemFw.Plugins.Tests.Host.Balloon;

public sealed class MomBalloonStrategyTests : BalloonStrategyContractTests
{
    private protected override IBalloonStrategy Create() => new MomBalloonStrategy(new MomBalloonOptions());

    [Fact]
    public void SetTargets_HostUnderPressure_ShrinksBoundedAndSkipsSmallChanges()
    {
        // host_free = 1000 / 10000 = 0.10 < 0.20: shrink; guest free = 0.20 * 0.10 / 0.20 = 0.10.
        // A: cur 4000, used 2000, min 500: desired max(500, 2000 + 0.1 * 4000) = 2400; size max(4000 * 0.95, 2400)
        //    = 3800 <= cur, change 200 > 0.0025 * 4000 = 10: balloon 4000 - 3800 = 200.
        // B: cur 4000 - 400 = 3600, used 3300: desired 3300 + 360 = 3660 > cur: not set, previous target 400 stays.
        // C: cur 2000, used 1795: desired 1795 + 200 = 1995; size max(1900, 1995) = 1995, change 5 not > 5:
        //    not set, previous target 7 stays.
        // D: no balloon driver: 0.
        var vms = new[]
        {
            HostViews.Vm(0, memory: 4000, guarantee: 500, touched: 2000),
            HostViews.Vm(1, memory: 4000, touched: 3300, ballooned: 400, balloonTarget: 400),
            HostViews.Vm(2, memory: 2000, touched: 1795, balloonTarget: 7),
            HostViews.Vm(3, memory: 4000, touched: 100, balloon: false),
        };

        var targets = Targets(Create(), HostViews.Host(total: 10_000, free: 1000), vms);

        Assert.Equal([200L, 400, 7, 0], targets);
    }

    [Fact]
    public void SetTargets_CriticalPressure_GuestFreeTurnsNegative()
    {
        // host_free = 400 / 10000 = 0.04 <= 0.05: guest free = 0.04 - 0.05 = -0.01.
        // A: cur 4000, used 3900: desired 3900 - 40 = 3860; size max(3800, 3860) = 3860: balloon 140
        //    (at normal pressure the desired size would be above cur and nothing would happen).
        // B: cur 4000, used 3000: desired 2960; size max(3800, 2960) = 3800: balloon 200 (the 5% bound).
        var vms = new[]
        {
            HostViews.Vm(0, memory: 4000, touched: 3900),
            HostViews.Vm(1, memory: 4000, touched: 3000),
        };

        var targets = Targets(Create(), HostViews.Host(total: 10_000, free: 400), vms);

        Assert.Equal([140L, 200], targets);
    }

    [Fact]
    public void SetTargets_NoPressure_GrowsBalloonedGuests()
    {
        // host_free = 0.30 >= 0.20: grow; guest free 0.20.
        // A: balloon 1000, cur 3000, used 1000: desired 1000 + 600 = 1600; size min(4000, max(3150, 1600)) = 3150:
        //    balloon 850.
        // B: balloon 100, cur 3900: size min(4000, 4095) = 4000: balloon 0.
        // C: not ballooned (cur = memory): nothing to grow, previous target 0 stays.
        // D: balloon 1000, cur 3000, used 2900: desired 2900 + 600 = 3500 > 3150: size 3500, balloon 500.
        var vms = new[]
        {
            HostViews.Vm(0, memory: 4000, touched: 1000, ballooned: 1000),
            HostViews.Vm(1, memory: 4000, touched: 1000, ballooned: 100),
            HostViews.Vm(2, memory: 4000, touched: 1000),
            HostViews.Vm(3, memory: 4000, touched: 2900, ballooned: 1000),
        };

        var targets = Targets(Create(), HostViews.Host(total: 10_000, free: 3000), vms);

        Assert.Equal([850L, 0, 0, 500], targets);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Options_FractionOutOfRange_ThrowsNamingOption(double value)
    {
        Assert.Equal("pressure-threshold", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MomBalloonOptions { PressureThreshold = value }).ParamName);
        Assert.Equal("pressure-critical", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MomBalloonOptions { PressureCritical = value }).ParamName);
        Assert.Equal("min-guest-free-percent", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MomBalloonOptions { MinGuestFreePercent = value }).ParamName);
        Assert.Equal("max-balloon-change-percent", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MomBalloonOptions { MaxBalloonChangePercent = value }).ParamName);
        Assert.Equal("min-balloon-change-percent", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MomBalloonOptions { MinBalloonChangePercent = value }).ParamName);
    }
}
