using MemFw.Framework.Content.Sharing;

namespace MemFw.Framework.Tests.Content.Sharing;

public sealed class SharingSpaceTests
{
    private static readonly SharingSettings s_plain = new();

    [Fact]
    public void SetContent_NewPages_EachOnItsOwnFrame()
    {
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());

        Assert.Equal(new SharingCounters(72, 72, 0, 0, 0, 0), space.Counters);
        Assert.Equal([0, 1, 2], space.Vms);
        Assert.Equal(72, Enumerable.Range(0, 72).Select(space.FrameOf).Distinct().Count());
    }

    [Fact]
    public void TryMerge_EqualContent_OneFrameTwoSharers()
    {
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());
        var a = space.FindPage(0, 4);
        var b = space.FindPage(2, 21);

        Assert.True(space.TryMerge(b, space.FrameOf(a)));

        Assert.Equal(space.FrameOf(a), space.FrameOf(b));
        Assert.Equal(2, space.SharersOf(space.FrameOf(a)));
        Assert.Equal(new SharingCounters(72, 71, 1, 1, 0, 0), space.Counters);
        Assert.Equal(2, space.Counters.Shared);
        Assert.Equal(1, space.Merges);
    }

    [Fact]
    public void TryMerge_EqualHashOtherBytes_Refused()
    {
        // gfn 10 and 11 of VM 0 carry the same forced hash and different bytes; gfn 12 is a true copy of gfn 10.
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());
        space.TryGetContent(space.FindPage(0, 10), out var ten);
        space.TryGetContent(space.FindPage(0, 11), out var eleven);
        Assert.Equal(ten.Hash, eleven.Hash);

        Assert.False(space.TryMerge(space.FindPage(0, 11), space.FrameOf(space.FindPage(0, 10))));
        Assert.True(space.TryMerge(space.FindPage(0, 12), space.FrameOf(space.FindPage(0, 10))));
        Assert.Equal(71, space.Counters.FramesInUse);
    }

    [Fact]
    public void TryMerge_HashOnlyContents_HashEqualityStandsIn()
    {
        var space = new SharingSpace(s_plain);
        space.SetContent(0, 0, new PageContent(7, false, null));
        space.SetContent(0, 1, new PageContent(7, false, null));
        space.SetContent(0, 2, new PageContent(8, false, null));
        space.SetContent(0, 3, new PageContent(7, false, CraftedPages.Bytes(1)));

        Assert.True(space.TryMerge(1, space.FrameOf(0)));
        Assert.False(space.TryMerge(2, space.FrameOf(0)));
        Assert.False(space.TryMerge(3, space.FrameOf(0)));
    }

    [Fact]
    public void TryMerge_FreedOrSameFrame_Refused()
    {
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());
        var a = space.FindPage(0, 4);
        var b = space.FindPage(0, 5);
        var freed = space.FrameOf(b);
        Assert.True(space.TryMerge(b, space.FrameOf(a)));

        Assert.Equal(0, space.SharersOf(freed));
        Assert.False(space.TryMerge(space.FindPage(0, 6), freed));
        Assert.False(space.TryMerge(b, space.FrameOf(a)));
        Assert.Throws<ArgumentOutOfRangeException>(() => space.TryMerge(a, 10_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => space.TryMerge(-1, 0));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void MergeAll_CraftedSnapshot_CountersAndIdealMatchLinqGrouping(bool zeroPages, bool salting)
    {
        var settings = new SharingSettings { ZeroPageSharing = zeroPages, Salting = salting };
        var pages = CraftedPages.Mixed();
        var space = CraftedPages.Space(settings, pages);
        var expected = CraftedPages.Expected(settings, pages);

        Assert.Equal(expected, IdealSharing.Counters(space));
        CraftedPages.MergeAll(space);

        Assert.Equal(expected, space.Counters);
        Assert.Equal(space.Counters.Pages - space.Counters.FramesInUse, space.Counters.Saved);
        Assert.Equal(expected, IdealSharing.Counters(space));
    }

    [Fact]
    public void MergeAll_NoSwitches_ExpectedFiguresByHand()
    {
        // 72 pages. Zero: 12 pages, 1 frame. Content 100: 6 per VM, 18 pages, 1 frame. 200+vm: 3 frames of 2.
        // gfn 10/12/13 per VM: 3 frames of 3. gfn 11: 3 unique pages. Unique: 8 per VM (14-19, 22, 23) = 24.
        // Frames: 1 + 1 + 3 + 3 + 3 + 24 = 35; shared frames 1 + 1 + 3 + 3 = 8; saved 72 - 35 = 37.
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());
        CraftedPages.MergeAll(space);

        Assert.Equal(new SharingCounters(72, 35, 8, 37, 12, 0), space.Counters);
    }

    [Fact]
    public void Write_SharedPage_BreaksShareAndIsNotMergedBeforeTheNextSnapshot()
    {
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());
        CraftedPages.MergeAll(space);
        var page = space.FindPage(1, 5);
        var shared = space.FrameOf(page);
        var before = space.Counters;
        var sharers = space.SharersOf(shared);

        Assert.True(space.Write(1, 5));

        Assert.Equal(sharers - 1, space.SharersOf(shared));
        Assert.NotEqual(shared, space.FrameOf(page));
        Assert.Equal(before.FramesInUse + 1, space.Counters.FramesInUse);
        Assert.Equal(before.PagesSharing - 1, space.Counters.PagesSharing);
        Assert.Equal(1, space.Counters.UnknownPages);
        Assert.Equal(1, space.CopyOnWriteBreaks);
        Assert.False(space.TryGetContent(page, out _));
        Assert.False(space.TryMerge(page, shared));
        CraftedPages.MergeAll(space);
        Assert.NotEqual(shared, space.FrameOf(page));
        Assert.Equal(before.FramesInUse + 1, IdealSharing.Counters(space).FramesInUse);
    }

    [Fact]
    public void Write_ThenSnapshot_ContentKnownAndMergeableAgain()
    {
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());
        CraftedPages.MergeAll(space);
        var shared = space.FrameOf(space.FindPage(1, 4));
        space.Write(1, 5);

        Assert.Equal(PageUpdate.Refreshed, space.SetContent(1, 5, CraftedPages.Content(100)));
        Assert.Equal(0, space.Counters.UnknownPages);
        Assert.True(space.TryMerge(space.FindPage(1, 5), shared));
    }

    [Fact]
    public void Write_PrivateOrUnknownPage_NoBreakAndFramesUnchanged()
    {
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());

        Assert.True(space.Write(0, 15));
        Assert.True(space.Write(0, 15));

        Assert.Equal(0, space.CopyOnWriteBreaks);
        Assert.Equal(72, space.Counters.FramesInUse);
        Assert.Equal(1, space.Counters.UnknownPages);
        Assert.False(space.Write(0, 999));
        Assert.False(space.Write(7, 0));
    }

    [Fact]
    public void SetContent_SameContentOnSharedPage_UnchangedAndStillShared()
    {
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());
        CraftedPages.MergeAll(space);
        var before = space.Counters;

        Assert.Equal(PageUpdate.Unchanged, space.SetContent(0, 4, CraftedPages.Content(100)));
        Assert.Equal(before, space.Counters);
    }

    [Fact]
    public void SetContent_OtherContentOnSharedOrPrivatePage_MovesToItsOwnFrame()
    {
        var space = CraftedPages.Space(s_plain, CraftedPages.Mixed());
        CraftedPages.MergeAll(space);
        var before = space.Counters;

        Assert.Equal(PageUpdate.SharedChanged, space.SetContent(0, 4, CraftedPages.Content(5)));
        Assert.Equal(PageUpdate.Changed, space.SetContent(0, 15, CraftedPages.Content(6)));

        Assert.Equal(before.FramesInUse + 1, space.Counters.FramesInUse);
        Assert.Equal(before.PagesSharing - 1, space.Counters.PagesSharing);
        Assert.Equal(0, space.CopyOnWriteBreaks);
    }

    [Fact]
    public void ZeroPageSharing_EveryZeroPageOnOneFrameAtOnceEvenSalted()
    {
        var settings = new SharingSettings { ZeroPageSharing = true, Salting = true };
        var space = CraftedPages.Space(settings, CraftedPages.Mixed());
        var zeroFrame = space.FrameOf(space.FindPage(0, 0));

        Assert.All(Enumerable.Range(0, space.PageCount).Where(p => space.GfnOf(p) < 4),
            p => Assert.Equal(zeroFrame, space.FrameOf(p)));
        Assert.Equal(new SharingCounters(72, 61, 1, 11, 12, 0), space.Counters);
        Assert.True(space.IsOnZeroFrame(space.FindPage(2, 3)));
        Assert.False(space.TryMerge(space.FindPage(2, 3), space.FrameOf(space.FindPage(2, 4))));
    }

    [Fact]
    public void ZeroPageSharing_WrittenZeroPage_LeavesAndReturnsWithTheNextSnapshot()
    {
        var space = CraftedPages.Space(new SharingSettings { ZeroPageSharing = true }, CraftedPages.Mixed());
        var page = space.FindPage(1, 2);

        space.Write(1, 2);
        Assert.False(space.IsOnZeroFrame(page));
        Assert.Equal(11, space.Counters.ZeroPages);
        Assert.Equal(1, space.CopyOnWriteBreaks);

        space.SetContent(1, 2, PageContent.Zero);
        Assert.True(space.IsOnZeroFrame(page));
        Assert.Equal(12, space.Counters.ZeroPages);
    }

    [Fact]
    public void Salting_MergesWithinAVmOnly()
    {
        var space = CraftedPages.Space(new SharingSettings { Salting = true }, CraftedPages.Mixed());

        Assert.False(space.TryMerge(space.FindPage(1, 4), space.FrameOf(space.FindPage(0, 4))));
        Assert.True(space.TryMerge(space.FindPage(1, 5), space.FrameOf(space.FindPage(1, 4))));
        Assert.Equal(1, space.SaltOf(space.FindPage(1, 4)));
    }

    [Fact]
    public void PagesOf_GfnsArrivingOutOfOrder_GfnOrder()
    {
        var space = new SharingSpace(s_plain);
        foreach (var gfn in new ulong[] { 5, 1, 9, 3 })
        {
            space.SetContent(4, gfn, CraftedPages.Content((int)gfn));
        }

        Assert.Equal([1UL, 3, 5, 9], space.PagesOf(4).ToArray().Select(space.GfnOf));
        Assert.Empty(space.PagesOf(0).ToArray());
        Assert.Equal(SharingSpace.NoPage, space.FindPage(4, 2));
    }
}
