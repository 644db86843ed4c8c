using MemFw.Framework.Content.Patching;
using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using static MemFw.Plugins.Tests.Host.Engine.HostRuns;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>
/// Difference Engine's patching on the host, hand-checked: cold pages similar to a resident page are stored as
/// patches, their frames go back to the host, the patches take packed host memory, and touching one rebuilds it.
/// </summary>
public sealed class HostPatchingTests
{
    [Fact]
    public void Run_ColdVariantsOfAHotPage_ArePatchedAgainstIt_AndRebuiltWhenTouched()
    {
        // Pages 0-3 are variants of page 4 (16 bytes of each overwritten at its own place), read once at times 1-4,
        // then page 4 at 5. Rebalancing points every 5 accesses; the point at 5 marks the time (nothing is cold yet).
        // Page 4 is read 5 times (6-10): at the point at 10, pages 0-3 have not been touched since 5, so they are
        // cold, and the Difference Engine planner patches what it can over the resident pages in page order: a
        // variant may serve as the others' reference (a COPY of its 0xFF run beats adding 16 bytes), and a reference
        // stays whole. Page 0 is read (11): rebuilt from its patch. Page 4 is read 4 times more (12-15); at the point
        // at 15 the pages left whole and untouched since 10 are cold, unless a live patch still needs them as its
        // reference, and are planned again against pages 0 and 4. No reference ever leaves memory.
        var hot = TestPages.Text("the quick brown fox jumps over the lazy dog; ");
        var variants = Enumerable.Range(0, 4).Select(i => Variant(hot, i)).ToArray();
        StartSnapshot snapshot = new(0, [
            .. variants.Select((v, i) => ((long)i, PageContent.FromBytes(v))), (4, PageContent.FromBytes(hot))]);
        var host = HostOf(64, rebalancePeriod: 5) with { Patching = true };
        var accesses = Enumerable.Range(0, 5).Select(g => (0, (long)g, false))
            .Concat(Enumerable.Repeat((0, 4L, false), 5))
            .Append((0, 0L, false))
            .Concat(Enumerable.Repeat((0, 4L, false), 4));

        var result = Run(Scenario(host, Vm("a", memory: 8)), [snapshot], [.. accesses]);

        var planner = new PatchPlanner(new PatchOptions());
        var first = planner.Plan([.. variants.Append(hot).Select(p => new FrameContent(p, 1))], i => i < 4);
        var whole = Enumerable.Range(0, 4).Where(i => first.All(p => p.Frame != i)).ToArray();
        int[] secondPages = [0, .. whole, 4];
        var liveReferences = first.Where(p => p.Frame != 0).Select(p => p.Reference).ToHashSet();
        var second = planner.Plan([.. secondPages.Select(i => new FrameContent(i < 4 ? variants[i] : hot, 1))],
            i => secondPages[i] is not 0 and not 4 && !liveReferences.Contains(secondPages[i]));
        var patched = first.Where(p => p.Frame != 0).Select(p => p.Patch.Length)
            .Concat(second.Select(p => p.Patch.Length)).ToArray();
        Assert.Contains(first, p => p.Frame == 0);
        var kept = patched.Sum(length => (long)length);
        var a = result.Vms[0];
        Assert.Equal((6L, 5L, 1L, (long)patched.Length), (a.Faults, a.FirstTouches, a.PatchFaults, a.Patched));
        Assert.Equal((first.Count + (long)second.Count, 1L, (long)patched.Length, kept), (result.Patching.PatchesMade,
            result.Patching.PatchFaults, result.Patching.PatchedPages, result.Patching.PatchBytes));
        Assert.Equal(0, result.Patching.ReferencesLost);

        // The patches (well under 4 KiB together) fill one frame; the pages left whole hold one frame each.
        Assert.InRange(kept, 1, 4096);
        Assert.Equal(patched.Length - 1L, result.Patching.FramesSaved);
        Assert.Equal(64 - (5 - patched.Length) - 1, result.Samples[^1].FreeFrames);
        var costs = new CostModel();
        Assert.Equal((5 * costs.ZeroFill) + costs.PatchDecode, a.StallMicroseconds, precision: 9);
    }

    [Fact]
    public void Run_WritingAPatchesReference_CountsTheReferenceLost()
    {
        // As above up to the point at 10; then the trace writes the page the patch of page 1 was made against. Its
        // content changes, so Difference Engine would have kept its old copy for the patches: counted once.
        var hot = TestPages.Text("the quick brown fox jumps over the lazy dog; ");
        var variants = Enumerable.Range(0, 4).Select(i => Variant(hot, i)).ToArray();
        StartSnapshot snapshot = new(0, [
            .. variants.Select((v, i) => ((long)i, PageContent.FromBytes(v))), (4, PageContent.FromBytes(hot))]);
        var reference = new PatchPlanner(new PatchOptions())
            .Plan([.. variants.Append(hot).Select(p => new FrameContent(p, 1))], i => i < 4)
            .First(p => p.Frame == 1).Reference;
        var accesses = Enumerable.Range(0, 5).Select(g => (0, (long)g, false))
            .Concat(Enumerable.Repeat((0, 4L, false), 5))
            .Append((0, (long)reference, true));

        var result = Run(Scenario(HostOf(64, rebalancePeriod: 5) with { Patching = true }, Vm("a", memory: 8)),
            [snapshot], [.. accesses]);

        Assert.Equal(1, result.Patching.ReferencesLost);
    }

    private static byte[] Variant(byte[] page, int index)
    {
        var variant = (byte[])page.Clone();
        variant.AsSpan(index * 1024, 16).Fill(0xFF);
        return variant;
    }
}
