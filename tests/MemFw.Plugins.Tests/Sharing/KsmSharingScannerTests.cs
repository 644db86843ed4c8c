using MemFw.Cli.Tests;
using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host;
using MemFw.Framework.Tests.Content.Sharing;
using MemFw.Plugins.Sharing;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Tests.Sharing;

public sealed class KsmSharingScannerTests : SharingScannerContractTests
{
    // Mixed has 72 pages: one pass records checksums, the second merges; at 100 pages a period, 2 periods.
    protected override int PeriodsToConverge => 3;

    protected override bool ResolvesHashCollisions => true;

    protected override ISharingScanner Create(int seed) => Ksm(new KsmSharingOptions(), seed);

    [Fact]
    public void Scan_FirstPass_OnlyRecordsChecksums()
    {
        var space = CraftedPages.Space(new SharingSettings(), CraftedPages.Mixed());
        var scanner = Ksm(new KsmSharingOptions { PagesToScan = 72 });

        scanner.Scan(space);
        Assert.Equal(0, space.Counters.Saved);
        Assert.Equal(new ScannerCounters(72, 1, 0, 72, 0), scanner.Counters);

        scanner.Scan(space);
        Assert.Equal(CraftedPages.Expected(new SharingSettings(), CraftedPages.Mixed()), space.Counters);
        Assert.Equal(0, scanner.Counters.PagesVolatile);
    }

    [Fact]
    public void Scan_PagesToScan_PagesPerPeriodInVmThenGfnOrder()
    {
        var space = CraftedPages.Space(new SharingSettings(), CraftedPages.Mixed());
        var scanner = Ksm(new KsmSharingOptions { PagesToScan = 10 });

        scanner.Scan(space);
        Assert.Equal(10, scanner.Counters.PagesScanned);
        Assert.Equal(0, scanner.Counters.FullScans);

        for (var period = 2; period <= 8; period++)
        {
            scanner.Scan(space);
        }

        Assert.Equal(80, scanner.Counters.PagesScanned);
        Assert.Equal(1, scanner.Counters.FullScans);
        // Second pass so far: pages 0-7 of VM 0 (gfn 0-7: zero and content 100, 4 each): 2 frames of 4.
        Assert.Equal(6, space.Counters.Saved);
    }

    [Fact]
    public void Scan_ZeroPageHack_ZeroFramePagesNotCountedAgainstTheBudget()
    {
        // 72 pages, 12 on the zero frame: a pass counts 60.
        var space = CraftedPages.Space(new SharingSettings { ZeroPageSharing = true }, CraftedPages.Mixed());
        var scanner = Ksm(new KsmSharingOptions { PagesToScan = 60 });

        scanner.Scan(space);

        Assert.Equal(new ScannerCounters(60, 1, 0, 60, 0), scanner.Counters);
    }

    [Fact]
    public void Scan_UnstableTree_FlushedAfterEveryFullScan()
    {
        // 8 unique pages, 4 scanned per period: pass 1 records checksums; in pass 2 each page enters the unstable
        // tree; the end of each pass empties it; pass 3 fills it again.
        var space = new SharingSpace(new SharingSettings());
        for (var gfn = 0; gfn < 8; gfn++)
        {
            space.SetContent(0, (ulong)gfn, CraftedPages.Content(gfn));
        }

        var scanner = Ksm(new KsmSharingOptions { PagesToScan = 4 });
        var unshared = new List<long>();
        var fullScans = new List<long>();
        for (var period = 0; period < 6; period++)
        {
            scanner.Scan(space);
            unshared.Add(scanner.Counters.PagesUnshared);
            fullScans.Add(scanner.Counters.FullScans);
        }

        Assert.Equal([0, 0, 4, 0, 4, 0], unshared);
        Assert.Equal([0, 1, 1, 2, 2, 3], fullScans);
        Assert.Equal(0, space.Counters.Saved);
    }

    [Fact]
    public void Scan_PageChangingEveryPass_VolatileAndNeverMerged()
    {
        // gfn 0 holds content 1 throughout; gfn 1 holds content 1 and 2 in turn, one pass each: at every scan its
        // checksum differs from the previous one, so it never reaches the unstable tree where gfn 0 waits.
        var space = new SharingSpace(new SharingSettings());
        space.SetContent(0, 0, CraftedPages.Content(1));
        space.SetContent(0, 1, CraftedPages.Content(1));
        var scanner = Ksm(new KsmSharingOptions { PagesToScan = 2 });

        for (var pass = 0; pass < 6; pass++)
        {
            scanner.Scan(space);
            Assert.Equal(0, space.Counters.Saved);
            Assert.Equal(pass == 0 ? 2 : 1, scanner.Counters.PagesVolatile);
            space.SetContent(0, 1, CraftedPages.Content(pass % 2 == 0 ? 2 : 1));
        }

        // From now on gfn 1 keeps content 1: the next pass still finds its checksum changed, the one after merges.
        scanner.Scan(space);
        Assert.Equal(0, space.Counters.Saved);
        scanner.Scan(space);
        Assert.Equal(1, space.Counters.Saved);
        Assert.Equal(0, scanner.Counters.PagesVolatile);
    }

    [Theory]
    [InlineData(7, 3)]
    [InlineData(8, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 256)]
    public void Scan_MaxPageSharing_FullNodesStartNewOnes(int copies, int maxPageSharing)
    {
        var space = new SharingSpace(new SharingSettings());
        for (var gfn = 0; gfn < copies; gfn++)
        {
            space.SetContent(0, (ulong)gfn, CraftedPages.Content(42));
        }

        var scanner = Ksm(new KsmSharingOptions { PagesToScan = copies, MaxPageSharing = maxPageSharing });
        for (var pass = 0; pass < 4; pass++)
        {
            scanner.Scan(space);
        }

        var frames = (copies + maxPageSharing - 1) / maxPageSharing;
        Assert.Equal(frames, space.Counters.FramesInUse);
        Assert.All(Enumerable.Range(0, copies),
            p => Assert.InRange(space.SharersOf(space.FrameOf(p)), 1, maxPageSharing));
    }

    [Fact]
    public void Scan_GuestRamAcrossVms_EachContentOnCeilingOfCopiesOver256Frames()
    {
        // The real t00 images of three guests, hash only, no switches: after two passes every group of n pages
        // of one hash is on ceil(n / 256) frames (max_page_sharing), zero pages included. Counted from the rows.
        var trace = Trace.Open(RepositoryPaths.Sample("guest-ram.trace"));
        var space = new SharingSpace(new SharingSettings());
        SnapshotLoader.Load(space, trace, 0, readContent: false);
        var hashes = new List<ulong>();
        using (var reader = trace.OpenPages(readContent: false))
        {
            var batch = new PageBatch();
            while (reader.Read(batch) > 0)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (batch.Time[i] == 0)
                    {
                        hashes.Add(batch.Hash[i]);
                    }
                }
            }
        }

        var scanner = Ksm(new KsmSharingOptions { PagesToScan = space.PageCount });
        var run = SharingSimulation.Run(space, scanner, 2);

        var frames = hashes.GroupBy(h => h).Sum(g => (g.Count() + 255) / 256);
        Assert.Equal(hashes.Count - frames, run.Periods[^1].Space.Saved);
        Assert.Equal(hashes.Count - hashes.Distinct().Count(), run.Ideal.Saved);
        Assert.Equal(2, scanner.Counters.FullScans);
    }

    private static KsmSharingScanner Ksm(KsmSharingOptions options, int seed = 0) =>
        new(options, new HostPluginContext(seed, 1));
}
