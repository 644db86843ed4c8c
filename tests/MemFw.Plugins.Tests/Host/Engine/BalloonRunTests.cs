using MemFw.Framework.Host;
using MemFw.Framework.Plugins;
using static MemFw.Plugins.Tests.Host.Engine.HostRuns;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>
/// Hand-checked host runs with balloons: the guest model of docs/ballooning.md, step by step. The VMM swaps to the
/// default disk: a page it swaps out is written (4096 bytes at 50 MB/s: 81.92 µs), one it reads back costs a 10,000 µs
/// seek more (10,081.92 µs).
/// </summary>
public sealed class BalloonRunTests
{
    private const double Inflate = 1;
    private const double GuestSwapIn = 10_000;

    /// <summary>
    /// 20 frames; A (12 pages of RAM) touches all 12, B (12 pages) touches 4: rounds A0 B0 .. A3 B3, then A4..A11,
    /// 16 accesses, so free is 4 (20%, hard) at the rebalancing point. A then reads A0 again.
    /// </summary>
    private static readonly (int Vm, long Gfn, bool Write)[] s_squeeze =
        [.. Alternating(4), .. Reads(0, 4, 11), (0, 0, false)];

    [Fact]
    public void Run_CitrixDmc_GuestSwapsAndTheVmmSwapsLess()
    {
        // DMC: 20 frames for VMs at the same place between min 0 and max 12: 10 each, so balloons of 2. A holds 12 in
        // a capacity of 10: its guest LRU swaps out A0, A1 (clean), freeing 2 frames (free 6). B holds 4 of 10. The
        // shortfall to the high level, 10 - 6 = 4, comes from A (excess 10 vs B's 4): the VMM's LRU takes A2..A5 and
        // writes them to the disk.
        // A0 again: a guest swap-in; the full guest evicts its least recent page, A2, which the VMM had swapped:
        // double paging (a VMM swap-in first). A0 gets a new frame, filled by the guest's read (no zero-fill).
        var scenario = Scenario(HostOf(20, rebalancePeriod: 16) with { Balloon = PolicySpec.Default("citrix-dmc") },
            Vm("a", 12), Vm("b", 12));

        var result = Run(scenario, s_squeeze);

        var (a, b) = (result.Vms[0], result.Vms[1]);
        Assert.Equal((2L, 2L), (a.Ballooned, b.Ballooned));
        Assert.Equal((3L, 1L, 1L), (a.GuestSwapOuts, a.GuestSwapIns, a.DoublePaging));
        Assert.Equal((4L, 1L, 3L), (a.SwapOuts, a.SwapIns, a.Swapped));
        Assert.Equal((2L, 10L), (a.GuestSwapped, a.Touched - a.GuestSwapped));
        Assert.Equal(7, a.Granted);
        Assert.Equal((0L, 0L, 4L), (b.SwapOuts, b.GuestSwapOuts, b.Granted));
        Assert.Equal((12 * ZeroFill) + (2 * Inflate) + GuestSwapIn + (4 * DiskWrite) + DiskRead, a.StallMicroseconds,
            precision: 9);
        Assert.Equal((4 * ZeroFill) + (2 * Inflate), b.StallMicroseconds);
    }

    [Fact]
    public void Run_WithoutBalloon_TheVmmSwapsTheWholeShortfall()
    {
        // The same run without ballooning: the shortfall 10 - 4 = 6 all comes from A (excess 12 vs 4), its VMM LRU
        // taking A0..A5 (six disk writes); A0 again is a VMM swap-in. Ballooning (above) cut VMM swap-outs from 6 to 4.
        var scenario = Scenario(HostOf(20, rebalancePeriod: 16), Vm("a", 12), Vm("b", 12));

        var a = Run(scenario, s_squeeze).Vms[0];

        Assert.Equal((6L, 1L, 5L, 7L), (a.SwapOuts, a.SwapIns, a.Swapped, a.Granted));
        Assert.Equal((0L, 0L), (a.GuestSwapOuts, a.DoublePaging));
        Assert.Equal((12 * ZeroFill) + (6 * DiskWrite) + DiskRead, a.StallMicroseconds, precision: 9);
    }

    [Fact]
    public void Run_GuestFreeWindow_IdlePagesGoToTheBalloonWithoutIo()
    {
        // As the DMC run, with a guest-free window of 10 of A's accesses. At the rebalancing point A's time is 12, so
        // pages last touched before 12 - 10 = 2 are idle: only A0 (time 1). A must shed 2: A0 is freed (no I/O), then
        // its guest LRU swaps out A1. The VMM takes A2..A5 (four disk writes) as before. A0 read again re-uses a
        // freed page: no guest swap-in, a zero-filled frame; the full guest evicts A2, which the VMM had swapped:
        // double paging (a disk read).
        var scenario = Scenario(
            HostOf(20, rebalancePeriod: 16) with { Balloon = PolicySpec.Default("citrix-dmc"), GuestFreeWindow = 10 },
            Vm("a", 12), Vm("b", 12));

        var a = Run(scenario, s_squeeze).Vms[0];

        Assert.Equal(1, a.GuestFreed);
        Assert.Equal(0, a.GuestSwapIns);
        Assert.Equal(2, a.GuestSwapOuts);
        Assert.Equal(1, a.DoublePaging);
        Assert.Equal((13 * ZeroFill) + (2 * Inflate) + (4 * DiskWrite) + DiskRead, a.StallMicroseconds, precision: 9);
    }

    [Fact]
    public void Run_EsxBalloon_TargetsFromIdleTaxAllocations()
    {
        // ESX, 20 frames, two VMs of 16 pages with equal shares and no working set yet (f = 0): demand 32, available
        // 20 - ceil(6% of 20) = 18, so 14 pages are revoked from the largest allocations (16 each), equal rho, so 7
        // each: allocations 9. Balloon target = balloon 0 + granted - allocation: A (10 granted) 1, B (6) none.
        var scenario = Scenario(HostOf(20, rebalancePeriod: 16) with { Balloon = PolicySpec.Default("esx") },
            Vm("a", 16), Vm("b", 16));
        var accesses = Alternating(6).Concat(Reads(0, 6, 9)).ToArray();

        var result = Run(scenario, accesses);

        Assert.Equal((1L, 0L), (result.Vms[0].Ballooned, result.Vms[1].Ballooned));
        Assert.Equal(PressureState.Hard, result.Samples[0].State);
    }

    [Fact]
    public void Run_Mom_ShrinksEveryGuestByAtMostFivePercentPerStep()
    {
        // MOM, 20 frames: A touches 10 pages and B 8 (of 16 each), so host free is 2/20 = 0.1, under the pressure
        // threshold 0.2 and above critical 0.05: guest free margin = 0.2 x 0.1 / 0.2 = 0.1. A wants
        // max(0, 10 + 0.1 x 16) = 11.6 pages and B 9.6, but a step is bounded by 5%: max(16 x 0.95, wanted) = 15.2,
        // a change of 0.8 > 0.25% of 16, so each size is 15 (rounded down) and each balloon 16 - 15 = 1.
        var scenario = Scenario(HostOf(20, rebalancePeriod: 18) with { Balloon = PolicySpec.Default("mom") },
            Vm("a", 16), Vm("b", 16));

        var result = Run(scenario, [.. Alternating(8), .. Reads(0, 8, 9)]);

        Assert.Equal((1L, 1L), (result.Vms[0].Ballooned, result.Vms[1].Ballooned));
    }

    [Fact]
    public void Run_XenSelfBalloon_StepsDownAnEighthOfTheGapToTheFloor()
    {
        // Xen self-ballooning ignores host pressure. A 32 MiB guest (8192 pages) that has touched 10 pages: goal 10.
        // Floor: useful 8192 pages is between 16 and 64 MiB, so 4096 + (8192 - 4096) / 2 = 6144. Every 10 accesses:
        // 8192 - (8192 - 10) / 8 = 7170 (balloon 1022); 7170 - 7160 / 8 = 6275 (1917); 6275 - 6265 / 8 = 5492, below
        // the floor, so 6144 (2048). Inflating 2048 pages costs 2048 us.
        var scenario = Scenario(
            HostOf(10_000, rebalancePeriod: 10) with { Balloon = PolicySpec.Default("xen-selfballoon") },
            Vm("a", 8192));

        var result = Run(scenario, [.. Reads(0, 0, 9), .. Reads(0, 0, 9), .. Reads(0, 0, 9)]);

        Assert.Equal([1022L, 1917L, 2048L], result.Samples.Take(3).Select(s => s.Vms[0].Ballooned));
        Assert.Equal((10 * ZeroFill) + (2048 * Inflate), result.Vms[0].StallMicroseconds);
    }
}
