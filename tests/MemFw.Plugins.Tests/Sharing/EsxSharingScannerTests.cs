using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host;
using MemFw.Framework.Tests.Content.Sharing;
using MemFw.Plugins.Sharing;

namespace MemFw.Plugins.Tests.Sharing;

public sealed class EsxSharingScannerTests : SharingScannerContractTests
{
    // Mixed: 24 pages per VM, 50 random draws per VM per period. 40 periods are 2,000 draws per VM: the chance that
    // some page is never drawn after its content's hint exists is below 24 x (23/24)^1950, about 1e-35.
    protected override int PeriodsToConverge => 40;

    // A hint that matches by hash but not by bytes stays, so its true duplicates cannot reach it (paper: a false
    // match makes the page ineligible).
    protected override bool ResolvesHashCollisions => false;

    protected override ISharingScanner Create(int seed) => Esx(new EsxSharingOptions(), seed);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scan_HintedPageChangedBeforeTheMatch_NotShared(bool written)
    {
        // VM 0 has one page (A, content 1): period 1 makes it the hint. Then A changes (a write, or a snapshot with
        // content 2) and VM 1's one page B arrives with content 1. Period 2 starts with VM 1: B matches A's hint by
        // hash, A is hashed again, has changed, and B replaces the hint; then A (content unknown, or 2) is not shared.
        var space = new SharingSpace(new SharingSettings());
        space.SetContent(0, 0, CraftedPages.Content(1));
        var scanner = Esx(new EsxSharingOptions { PagesPerVm = 1 });
        scanner.Scan(space);
        Assert.Equal(1, scanner.Counters.HintFrames);

        if (written)
        {
            space.Write(0, 0);
        }
        else
        {
            space.SetContent(0, 0, CraftedPages.Content(2));
        }

        space.SetContent(1, 0, CraftedPages.Content(1));
        for (var period = 0; period < 5; period++)
        {
            scanner.Scan(space);
        }

        Assert.Equal(0, space.Counters.Saved);
        Assert.Equal(written ? 1 : 2, scanner.Counters.HintFrames);
    }

    [Fact]
    public void Scan_HintedPageUnchanged_BothShareOneFrame()
    {
        // The same as above with A unchanged: B matches the hint, A hashes the same, the pages share a frame, and the
        // hint becomes a shared frame.
        var space = new SharingSpace(new SharingSettings());
        space.SetContent(0, 0, CraftedPages.Content(1));
        var scanner = Esx(new EsxSharingOptions { PagesPerVm = 1 });
        scanner.Scan(space);
        space.SetContent(1, 0, CraftedPages.Content(1));

        scanner.Scan(space);

        Assert.Equal(new SharingCounters(2, 1, 1, 1, 0, 0), space.Counters);
        Assert.Equal(0, scanner.Counters.HintFrames);
    }

    [Theory]
    [InlineData(3, 50, 200, 150)]
    [InlineData(5, 50, 200, 200)]
    [InlineData(1, 7, 200, 7)]
    [InlineData(3, 10, 25, 25)]
    public void Scan_RateLimits_PagesScannedPerPeriod(int vms, int perVm, int total, int expected)
    {
        var space = new SharingSpace(new SharingSettings());
        for (var vm = 0; vm < vms; vm++)
        {
            for (var gfn = 0; gfn < 100; gfn++)
            {
                space.SetContent(vm, (ulong)gfn, CraftedPages.Content((vm * 1000) + gfn));
            }
        }

        var scanner = Esx(new EsxSharingOptions { PagesPerVm = perVm, PagesTotal = total });
        scanner.Scan(space);
        Assert.Equal(expected, scanner.Counters.PagesScanned);
        scanner.Scan(space);
        Assert.Equal(2 * expected, scanner.Counters.PagesScanned);
    }

    [Fact]
    public void Scan_HostLimitBinds_VmsTakeTurnsStartingFromTheNextEachPeriod()
    {
        // Four VMs of one unique page each, two pages a period: VMs 0 and 1, then 1 and 2, then 2 and 3; each
        // first scan of a page adds a hint.
        var space = new SharingSpace(new SharingSettings());
        for (var vm = 0; vm < 4; vm++)
        {
            space.SetContent(vm, 0, CraftedPages.Content(vm));
        }

        var scanner = Esx(new EsxSharingOptions { PagesTotal = 2 });
        var hints = new List<long>();
        for (var period = 0; period < 3; period++)
        {
            scanner.Scan(space);
            hints.Add(scanner.Counters.HintFrames);
        }

        Assert.Equal([2, 3, 4], hints);
    }

    [Fact]
    public void Scan_OtherSeed_OtherRandomOrder()
    {
        var options = new EsxSharingOptions { PagesPerVm = 5 };
        var first = SharingSimulation.Run(Mixed(), Esx(options, 1), 8);
        var second = SharingSimulation.Run(Mixed(), Esx(options, 2), 8);

        Assert.NotEqual(first.Periods.Select(p => p.Space.Saved), second.Periods.Select(p => p.Space.Saved));
    }

    private static SharingSpace Mixed() => CraftedPages.Space(new SharingSettings(), CraftedPages.Mixed());

    private static EsxSharingScanner Esx(EsxSharingOptions options, int seed = 0) =>
        new(options, new HostPluginContext(seed, 1));
}
