using MemFw.Framework.Content.Patching;

namespace MemFw.Framework.Tests.Content.Patching;

/// <summary>
/// <see cref="PatchPlanner"/> on crafted frames: which frames are patched, against which reference, and that every
/// patch restores its frame.
/// </summary>
public sealed class PatchPlannerTests
{
    private const int PageSize = CraftedPages.PageSize;

    private readonly PatchPlanner _planner = new(new PatchOptions());

    [Fact]
    public void Plan_NearCopyAndUnrelatedPage_PatchesTheFirstOfThePairAgainstTheOther()
    {
        var a = CraftedPages.Random(1);
        var frames = Frames(a, CraftedPages.Edited(a, 2000, 10), CraftedPages.Random(2));

        var plan = _planner.Plan(frames);

        var patched = Assert.Single(plan);
        Assert.Equal((0, 1), (patched.Frame, patched.Reference));
        AssertRestores(frames, plan);
    }

    [Fact]
    public void Plan_SharedFrame_IsAReferenceButNeverPatched()
    {
        var a = CraftedPages.Random(3);
        var frames = new List<FrameContent> { new(a, Pages: 2), new(CraftedPages.Edited(a, 100, 3), Pages: 1) };

        var plan = _planner.Plan(frames);

        Assert.Equal((1, 0), (Assert.Single(plan).Frame, plan[0].Reference));
        AssertRestores(frames, plan);
    }

    [Fact]
    public void Plan_TwoCandidates_TakesTheOneGivingTheSmallerPatch()
    {
        var target = CraftedPages.Random(4);
        var frames = Frames(target, CraftedPages.Edited(target, 500, 300), CraftedPages.Edited(target, 3000, 2));

        var plan = _planner.Plan(frames);

        Assert.Equal((0, 2), (plan[0].Frame, plan[0].Reference));
        Assert.Equal(Patch(frames[2], frames[0]).Length, plan[0].Patch.Length);
        AssertRestores(frames, plan);
    }

    [Fact]
    public void Plan_ThreeSimilarFrames_NeverPatchesAReferenceNorReferencesAPatch()
    {
        var x = CraftedPages.Random(5);
        var frames = Frames(x, CraftedPages.Edited(x, 10, 5), CraftedPages.Edited(x, 4000, 5),
            CraftedPages.Edited(x, 2000, 5));

        var plan = _planner.Plan(frames);

        Assert.Equal(3, plan.Count);
        var patched = plan.Select(p => p.Frame).ToHashSet();
        Assert.All(plan, p => Assert.DoesNotContain(p.Reference, patched));
        AssertRestores(frames, plan);
    }

    [Fact]
    public void Plan_Cutoff_KeepsAPatchOfExactlyTheCutoffAndDropsALargerOne()
    {
        var a = CraftedPages.Random(6);
        var frames = Frames(a, CraftedPages.Edited(a, 1000, 700));
        var size = Patch(frames[1], frames[0]).Length;

        var atCutoff = new PatchPlanner(new PatchOptions { CutoffBytes = size }).Plan(frames);
        var belowCutoff = new PatchPlanner(new PatchOptions { CutoffBytes = size - 1 }).Plan(frames);

        Assert.Equal(size, Assert.Single(atCutoff).Patch.Length);
        Assert.Empty(belowCutoff);
    }

    [Fact]
    public void Plan_ColdPredicate_PatchesOnlyColdFrames()
    {
        var a = CraftedPages.Random(7);
        var b = CraftedPages.Random(8);
        var frames = Frames(a, CraftedPages.Edited(a, 50, 4), b, CraftedPages.Edited(b, 50, 4));

        var plan = _planner.Plan(frames, isCold: frame => frame >= 2);

        Assert.Equal((2, 3), (Assert.Single(plan).Frame, plan[0].Reference));
    }

    [Fact]
    public void Plan_UnrelatedFrames_PatchesNothing()
    {
        Assert.Empty(_planner.Plan(Frames(CraftedPages.Random(9), CraftedPages.Random(10), CraftedPages.Random(11))));
    }

    [Fact]
    public void Plan_KeyedFrames_PlannedAgainAndAgain_GiveThePlanOfUnkeyedFrames()
    {
        // Twelve edits of one page and two unrelated pages, cold in turns: the planner that remembers pair sizes by key
        // must choose exactly what a fresh planner without keys chooses, plan after plan.
        var x = CraftedPages.Random(11);
        byte[][] contents = [.. Enumerable.Range(0, 12).Select(i => CraftedPages.Edited(x, 300 * i, 4 + i)),
            CraftedPages.Random(12), CraftedPages.Random(13)];
        var keyed = contents.Select((c, i) => new FrameContent(c, 1, (ulong)i)).ToList();
        var remembering = new PatchPlanner(new PatchOptions());

        for (var round = 0; round < 3; round++)
        {
            var cold = (int i) => (i + round) % 3 != 0;
            var expected = new PatchPlanner(new PatchOptions()).Plan(Frames(contents), cold);

            var plan = remembering.Plan(keyed, cold);

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(p => (p.Frame, p.Reference, Convert.ToHexString(p.Patch.Span))),
                plan.Select(p => (p.Frame, p.Reference, Convert.ToHexString(p.Patch.Span))));
        }
    }

    [Fact]
    public void Options_CutoffOutOfRange_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PatchOptions { CutoffBytes = 4097 });

        Assert.Equal("cutoff", e.ParamName);
    }

    private static List<FrameContent> Frames(params byte[][] contents) =>
        [.. contents.Select(c => new FrameContent(c, Pages: 1))];

    private static byte[] Patch(FrameContent reference, FrameContent target)
    {
        var buffer = new byte[2 * PageSize];
        return buffer[..new DeltaEncoder().Encode(reference.Content.Span, target.Content.Span, buffer)];
    }

    private static void AssertRestores(List<FrameContent> frames, IReadOnlyList<PatchedFrame> plan)
    {
        foreach (var p in plan)
        {
            Assert.Equal(frames[p.Frame].Content.ToArray(),
                DeltaEncoder.Decode(frames[p.Reference].Content.Span, p.Patch.Span));
        }
    }
}
