using MemFw.Framework.Host;
using MemFw.Plugins.Host.Balloon;

namespace MemFw.Plugins.Tests.Host.Balloon;

public sealed class XenSelfBalloonStrategyTests : BalloonStrategyContractTests
{
    /// <summary>128 MiB of 4 KiB pages, the bundled guests' RAM.</summary>
    private const long Memory = 32_768;

    private protected override IBalloonStrategy Create() => new XenSelfBalloonStrategy(new XenSelfBalloonOptions());

    [Fact]
    public void SetTargets_128MiBGuests_StepTowardsCommittedAboveTheFloor()
    {
        // Floor, reserve 0: useful 128 MiB < 512 MiB -> 40 MiB + (useful - 40 MiB) / 8 = 10240 + 22528 / 8 = 13056.
        // A: balloon 0, cur 32768, goal 11000: down by (32768 - 11000) / 8 = 2721 -> 30047: balloon 2721.
        // B: balloon 19000, cur 13768: down by 2768 / 8 = 346 -> 13422 >= floor: balloon 32768 - 13422 = 19346.
        // C: balloon 20000, cur 12768, goal 5000: down by 7768 / 8 = 971 -> 11797 < floor: 13056, balloon 19712.
        // D: balloon 20000, cur 12768, goal 16000: up by the whole gap -> 16000: balloon 16768.
        // E: as A but guarantee 31000: balloon at most 32768 - 31000 = 1768.
        // F: as A without a balloon driver: 0.
        var vms = new[]
        {
            HostViews.Vm(0, Memory, touched: 11_000),
            HostViews.Vm(1, Memory, touched: 11_000, ballooned: 19_000),
            HostViews.Vm(2, Memory, touched: 5_000, ballooned: 20_000),
            HostViews.Vm(3, Memory, touched: 16_000, ballooned: 20_000),
            HostViews.Vm(4, Memory, guarantee: 31_000, touched: 11_000),
            HostViews.Vm(5, Memory, touched: 11_000, balloon: false),
        };

        var targets = Targets(Create(), HostViews.Host(), vms);

        Assert.Equal([2721L, 19_346, 19_712, 16_768, 1768, 0], targets);
    }

    [Theory]
    [InlineData(2_048, 0, 0, 0, 0)]
    [InlineData(16_384, 1_024, 1_000, 6_000, 5_632)]
    [InlineData(262_144, 0, 0, 230_000, 229_400)]
    public void SetTargets_FloorBranches_NeverBelowFloor(long memory, long reserve, long touched, long ballooned,
        long balloon)
    {
        // 8 MiB: useful < 16 MiB: floor = max_pfn, no ballooning at all: 0.
        // 64 MiB, reserve 1024 (4 MiB): useful 15360 (60 MiB) < 64 MiB: floor 1024 + 4096 + (15360 - 4096) / 2
        //   = 10752; goal 1000 + 1024 = 2024, cur 10384: down by 8360 / 8 = 1045 -> 9339 < floor: balloon
        //   16384 - 10752 = 5632.
        // 1 GiB: useful >= 512 MiB: floor 99 MiB + (262144 - 25344) / 32 = 25344 + 7400 = 32744; cur 32144, goal 0:
        //   down by 4018 -> 28126 < floor: balloon 262144 - 32744 = 229400.
        var strategy = new XenSelfBalloonStrategy(new XenSelfBalloonOptions { ReservePages = reserve });
        var vm = HostViews.Vm(0, memory, touched: touched, ballooned: ballooned);

        Assert.Equal([balloon], Targets(strategy, HostViews.Host(), vm));
    }

    [Fact]
    public void SetTargets_UpHysteresisTwo_GrowsByHalfTheGap()
    {
        // cur 12768, goal 16000: up by 3232 / 2 = 1616 -> 14384: balloon 32768 - 14384 = 18384.
        var strategy = new XenSelfBalloonStrategy(new XenSelfBalloonOptions { UpHysteresis = 2 });
        var vm = HostViews.Vm(0, Memory, touched: 16_000, ballooned: 20_000);

        Assert.Equal([18_384L], Targets(strategy, HostViews.Host(), vm));
    }

    [Fact]
    public void SetTargets_AnyHostPressure_SameTargets()
    {
        var vm = HostViews.Vm(0, Memory, touched: 11_000, ballooned: 1000);

        Assert.Equal(Targets(Create(), HostViews.Host(free: 9_000, state: PressureState.High), vm),
            Targets(Create(), HostViews.Host(free: 10, state: PressureState.Low), vm));
    }

    [Fact]
    public void Options_OutOfRange_ThrowsNamingOption()
    {
        Assert.Equal("down-hysteresis", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new XenSelfBalloonOptions { DownHysteresis = 0 }).ParamName);
        Assert.Equal("up-hysteresis", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new XenSelfBalloonOptions { UpHysteresis = 0 }).ParamName);
        Assert.Equal("reserve-pages", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new XenSelfBalloonOptions { ReservePages = -1 }).ParamName);
    }
}
