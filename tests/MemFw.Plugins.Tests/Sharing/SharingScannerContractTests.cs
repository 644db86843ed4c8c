using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Tests.Content.Sharing;

namespace MemFw.Plugins.Tests.Sharing;

/// <summary>
/// What every sharing scanner must do, on crafted snapshots whose ideal sharing is counted independently
/// (<see cref="CraftedPages.Expected"/>); one sealed subclass per scanner supplies the factory and its capabilities.
/// </summary>
public abstract class SharingScannerContractTests
{
    /// <summary>A scanner with default options and <paramref name="seed"/>.</summary>
    protected abstract ISharingScanner Create(int seed);

    /// <summary>
    /// Periods after which the scanner has merged all duplicates of <see cref="CraftedPages.Mixed"/>.
    /// </summary>
    protected abstract int PeriodsToConverge { get; }

    /// <summary>Whether the scanner still merges every duplicate when pages of equal hash hold other bytes.</summary>
    protected abstract bool ResolvesHashCollisions { get; }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Scan_StaticSnapshot_ReachesTheIdeal(bool zeroPages, bool salting)
    {
        var settings = new SharingSettings { ZeroPageSharing = zeroPages, Salting = salting };
        var pages = CraftedPages.Mixed(collisions: false);
        var space = CraftedPages.Space(settings, pages);

        var run = SharingSimulation.Run(space, Create(1), PeriodsToConverge);

        Assert.Equal(CraftedPages.Expected(settings, pages), run.Periods[^1].Space);
        Assert.Equal(run.Ideal, run.Periods[^1].Space);
    }

    [Fact]
    public void Scan_EqualHashOtherBytes_NeverOnOneFrame()
    {
        var settings = new SharingSettings();
        var pages = CraftedPages.Mixed(collisions: true);
        var space = CraftedPages.Space(settings, pages);

        SharingSimulation.Run(space, Create(2), PeriodsToConverge);

        var bytesOfFrame = new Dictionary<int, string>();
        foreach (var page in pages)
        {
            var bytes = page.Content.HasBytes ? Convert.ToHexString(page.Content.Bytes) : "zero";
            var frame = space.FrameOf(space.FindPage(page.Vm, page.Gfn));
            Assert.Equal(bytesOfFrame.GetValueOrDefault(frame, bytes), bytes);
            bytesOfFrame[frame] = bytes;
        }

        var expected = CraftedPages.Expected(settings, pages);
        if (ResolvesHashCollisions)
        {
            Assert.Equal(expected, space.Counters);
        }
        else
        {
            Assert.InRange(space.Counters.Saved, 1, expected.Saved);
        }
    }

    [Fact]
    public void Scan_SameSeed_SameCountersEveryPeriod()
    {
        var pages = CraftedPages.Mixed();
        var first = SharingSimulation.Run(CraftedPages.Space(new SharingSettings(), pages), Create(3), 6);
        var second = SharingSimulation.Run(CraftedPages.Space(new SharingSettings(), pages), Create(3), 6);

        Assert.Equal(first.Periods, second.Periods);
    }

    [Fact]
    public void Scan_WrittenPage_NotMergedAgainBeforeItsNextSnapshot()
    {
        var settings = new SharingSettings();
        var pages = CraftedPages.Mixed(collisions: false);
        var space = CraftedPages.Space(settings, pages);
        var scanner = Create(4);
        SharingSimulation.Run(space, scanner, PeriodsToConverge);
        var page = space.FindPage(1, 4);
        var shared = space.FrameOf(page);

        space.Write(1, 4);
        SharingSimulation.Run(space, scanner, PeriodsToConverge);

        Assert.Equal(1, space.SharersOf(space.FrameOf(page)));
        Assert.Equal(CraftedPages.Expected(settings, pages).FramesInUse + 1, space.Counters.FramesInUse);
        Assert.Equal(PageUpdate.Refreshed, space.SetContent(1, 4, CraftedPages.Content(100)));
        SharingSimulation.Run(space, scanner, PeriodsToConverge);
        Assert.Equal(CraftedPages.Expected(settings, pages), space.Counters);
        Assert.True(space.SharersOf(shared) > 0);
    }

    [Fact]
    public void Scan_AnotherSpace_Throws()
    {
        var scanner = Create(5);
        scanner.Scan(CraftedPages.Space(new SharingSettings(), CraftedPages.Mixed()));

        Assert.Throws<InvalidOperationException>(() => scanner.Scan(new SharingSpace(new SharingSettings())));
    }

    [Fact]
    public void Scan_EmptySpace_NothingScanned()
    {
        var scanner = Create(6);

        scanner.Scan(new SharingSpace(new SharingSettings()));

        Assert.Equal(0, scanner.Counters.PagesScanned);
        Assert.True(scanner.Period > TimeSpan.Zero);
    }
}
