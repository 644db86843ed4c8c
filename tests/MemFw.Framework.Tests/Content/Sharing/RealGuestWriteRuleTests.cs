using MemFw.Framework.Content.Sharing;

namespace MemFw.Framework.Tests.Content.Sharing;

/// <summary>
/// The copy-on-write rule against the real end state of three guests (<see cref="GuestWorkloads"/>): with every
/// store of the trace reported as a write, the end image changes no page that was not written, and no share
/// survives whose pages end with other bytes. Expected values come from the images and records directly (byte
/// compares, SHA-256 classes, the store set) and from the samples README.
/// </summary>
public sealed class RealGuestWriteRuleTests(GuestReplays replays) : IClassFixture<GuestReplays>
{
    private const int Pages = GuestWorkloads.Pages;

    /// <summary>The samples README's figures: records, stores, RAM pages stored to, pages that differ.</summary>
    [Theory]
    [InlineData("L1a", 60_000_000, 19_921_840, 5_630, 5_587)]
    [InlineData("L1b", 46_399_488, 16_567_678, 5_632, 5_589)]
    [InlineData("L2", 60_000_000, 21_030_424, 1_791, 1_568)]
    public void Capture_ReadThroughImporter_PagesThatDifferAreWrittenPages(
        string guest, long records, long stores, int written, int differing)
    {
        var replay = replays.Of(guest);

        Assert.Equal(records, replay.Records);
        Assert.Equal(stores, replay.Stores);
        Assert.Equal(written, replay.Written.Count);
        Assert.Equal(differing, replay.Differing.Count);
        Assert.Empty(replay.Differing.Except(replay.Written));
    }

    [Theory]
    [InlineData("L1a")]
    [InlineData("L1b")]
    [InlineData("L2")]
    public void PlainSpace_StoresWritten_EndImageRefreshesWrittenPagesAndFindsNoOtherChange(string guest)
    {
        var replay = replays.Of(guest);

        Assert.Equal(ExpectedEndLoad(replay), replay.PlainEnd);
    }

    /// <summary>The samples README's start images: zero pages, duplicate non-zero pages.</summary>
    [Theory]
    [InlineData("L1a", 7_887, 2_097)]
    [InlineData("L1b", 7_888, 2_100)]
    [InlineData("L2", 10_396, 3_054)]
    public void MergedSpace_StoresWritten_EachWriteToAPageSharingItsFrameBreaksTheShare(
        string guest, int zeroPages, int duplicatePages)
    {
        var replay = replays.Of(guest);
        var classes = StartClasses(replay);

        Assert.Equal(0, replay.MergeRefusals);
        Assert.Equal(zeroPages - 1 + duplicatePages, replay.MergedBeforeWrites.Saved);
        // Of a class of n pages, w of them written, the first min(w, n - 1) writes find the frame shared; the last
        // page left on it holds it alone.
        Assert.Equal(classes.Sum(c => Math.Min(c.Written, c.Pages - 1)), replay.CopyOnWriteBreaks);
        Assert.Equal(0, replay.StaleAfterWrites);
        Assert.Equal(ExpectedEndLoad(replay), replay.MergedEnd);
    }

    [Theory]
    [InlineData("L1a")]
    [InlineData("L1b")]
    [InlineData("L2")]
    public void MergedSpace_EndImageLoaded_OnlyUnwrittenPagesOfOneStartContentStayShared(string guest)
    {
        var replay = replays.Of(guest);
        var classes = StartClasses(replay);
        var written = classes.Sum(c => c.Written);
        var zero = classes.Where(c => c.Class == replay.ZeroClass).Sum(c => c.Unwritten);
        var expected = new SharingCounters(
            Pages: Pages,
            FramesInUse: classes.Count(c => c.Unwritten > 0) + written,
            PagesShared: classes.Count(c => c.Unwritten >= 2),
            PagesSharing: classes.Sum(c => Math.Max(c.Unwritten - 1, 0)),
            ZeroPages: zero >= 2 ? zero : 0,
            UnknownPages: 0);

        var mixedFrames = Enumerable.Range(0, Pages)
            .GroupBy(gfn => replay.FrameAfterEnd[gfn])
            .Where(frame => frame.Select(gfn => replay.EndClass[gfn]).Distinct().Count() > 1)
            .Select(frame => frame.Key);

        Assert.Equal(expected, replay.MergedAfterEnd);
        Assert.True(expected.PagesSharing > 0);
        Assert.Empty(mixedFrames);
    }

    /// <summary>The end image's load: written pages are known again, every other page is unchanged.</summary>
    private static SnapshotLoad ExpectedEndLoad(GuestReplay replay)
    {
        var written = replay.Written.Count(gfn => gfn < Pages);
        return new SnapshotLoad(Added: 0, Unchanged: Pages - written, Refreshed: written, Changed: 0, SharedChanged: 0);
    }

    /// <summary>The start image's content classes with how many of their pages are written and not.</summary>
    private static List<(int Class, int Pages, int Written, int Unwritten)> StartClasses(GuestReplay replay) =>
        [.. Enumerable.Range(0, Pages)
            .GroupBy(gfn => replay.StartClass[gfn])
            .Select(c =>
            {
                var written = c.Count(gfn => replay.Written.Contains((ulong)gfn));
                return (c.Key, c.Count(), written, c.Count() - written);
            })];
}
