using System.Reflection;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>
/// What every replacement policy owes the engine, checked over all policies found by attribute: in a single-VM replay,
/// in a shrinking host's, where faults interleave with the VMM reclaiming frames (a little, a lot, or all of them)
/// and memory grows back by faults, and in a multi-VM host's, which also changes the VM's capacity and removes pages
/// the guest freed.
/// </summary>
public sealed class ReplacementPolicyContractTests
{
    public static TheoryData<string> Names => PolicyCatalog.Names;

    [Fact]
    public void Plugins_EveryPolicy_SealedWithUniqueNameAndOneConstructor()
    {
        Assert.NotEmpty(PolicyCatalog.Types);
        foreach (var type in PolicyCatalog.Types)
        {
            Assert.True(type.IsSealed, type.Name);
            Assert.EndsWith("Policy", type.Name, StringComparison.Ordinal);
            var attribute = type.GetCustomAttribute<ReplacementPolicyAttribute>()!;
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", attribute.Name);
            Assert.NotEmpty(attribute.Description);
            Assert.NotEmpty(attribute.Source);
            var parameters = Assert.Single(type.GetConstructors()).GetParameters();
            Assert.All(parameters, p => Assert.True(p.ParameterType == typeof(ReplacementContext)
                || p.ParameterType.Name == type.Name.Replace("Policy", "Options", StringComparison.Ordinal)));
        }

        Assert.Equal(PolicyCatalog.All.Count, PolicyCatalog.All.Select(p => p.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Replay_AnyFrameCount_VictimsOccupiedAndCountsConsistent(string name)
    {
        var policy = PolicyCatalog.Named(name);
        var (pages, writes) = Reference.Locality(seed: 3, length: 20_000, distinct: 200);
        using var form = ReplayForm.FromPages(pages, writes);
        foreach (var frames in new[] { 1, 2, 7, 50, 199, 200, 300 })
        {
            using var session = ReplaySession.Start(name, form,
                new ReplaySettings { Frames = frames, TickPeriod = 97 }, policy.Offline);
            var checks = new ContractChecks(session.Context.Frames);
            var checking = new CheckingDispatch(policy.Create(session.Context), checks);

            var counters = session.Replay(ref checking).Counters;

            Assert.Equal(0, checks.BadVictims);
            Assert.Equal(0, checks.OutOfSequence);
            Assert.Equal(20_000, counters.Hits + counters.Faults);
            Assert.Equal(200, counters.FirstTouchFaults);
            Assert.Equal(counters.Faults - Math.Min(frames, 200), counters.Evictions);
            Assert.Equal(counters.Evictions, checks.Victims);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Replay_AfterWarmUp_AllocationDoesNotGrowWithAccesses(string name)
    {
        // The engine allocates a fixed amount per replay (reader buffer, result, per-page arrays); a policy that
        // allocated per access or per fault would make the longer replay allocate more. Both are replayed once to
        // warm up, then measured three times, keeping the least: a collection set off by tests running in parallel
        // can add up to one allocation quantum (8 KB) to a thread's count.
        var policy = PolicyCatalog.Named(name);
        var (pages, writes) = Reference.Locality(seed: 9, length: 400_000, distinct: 2_000);
        using var shortForm = ReplayForm.FromPages(pages.AsSpan(0, 40_000), writes.AsSpan(0, 40_000));
        using var longForm = ReplayForm.FromPages(pages, writes);
        var settings = new ReplaySettings { Frames = 300, TickPeriod = 5_000 };
        AllocatedDuringReplay(policy, shortForm, settings);
        AllocatedDuringReplay(policy, longForm, settings);

        var shortBytes = LeastAllocatedDuringReplays(policy, shortForm, settings);
        var longBytes = LeastAllocatedDuringReplays(policy, longForm, settings);

        Assert.True(longBytes <= shortBytes, $"{name}: {shortBytes} B for 40,000 accesses, {longBytes} B for 400,000");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Shrink_InterleavedReclaims_VictimsOccupiedAndCountsConsistent(string name)
    {
        var policy = PolicyCatalog.Named(name);
        foreach (var frames in new[] { 1, 2, 7, 50, 199, 300 })
        {
            var plan = ShrinkPlan.Random(seed: frames, length: 20_000, distinct: 200, frames, reclaimEvery: 150);

            var result = Shrinking.Run(policy, plan, frames, tickPeriod: 97);

            var counters = result.Counters;
            var resident = result.FramePages.Count(p => p >= 0);
            Assert.Equal(0, result.Checks.BadVictims);
            Assert.Equal(0, result.Checks.OutOfSequence);
            Assert.Equal(20_000, counters.Hits + counters.Faults);
            Assert.Equal(200, counters.FirstTouchFaults);
            Assert.True(result.Reclaimed > 0, $"{name}, {frames} frames: no frame was reclaimed");
            Assert.Equal(counters.Evictions, result.Checks.Victims);
            Assert.Equal(resident, counters.Faults - counters.Evictions);
            Assert.Equal(resident, result.FramePages.Where(p => p >= 0).Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Shrink_NoReclaims_SameCountsAsReplay(string name)
    {
        // The harness's loop without reclaims is the replay loop: same accesses, ticks at the same positions.
        var policy = PolicyCatalog.Named(name);
        var (pages, writes) = Reference.Locality(seed: 4, length: 10_000, distinct: 300);
        var plan = new ShrinkPlan(pages, writes, new int[pages.Length + 1]);

        var shrinking = Shrinking.Run(policy, plan, frames: 40, tickPeriod: 97).Counters;
        var replay = Replays.Run(policy, pages, writes, frames: 40, tickPeriod: 97);

        Assert.Equal(replay, shrinking);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Host_CapacityReclaimsAndRemovals_VictimsOccupiedAndResidencyConsistent(string name)
    {
        // A multi-VM host's mix: capacities below the frame count (faults evict beside empty frames), reclaims, and
        // removals the engine chooses (OnRemove with no victim asked for). OPT runs too: the mix reads no next use
        // outside the accesses, which are the form's, in order.
        var policy = PolicyCatalog.Named(name);
        foreach (var frames in new[] { 1, 2, 7, 50 })
        {
            var result = HostMix.Run(policy, seed: frames, length: 4_000, distinct: 120, frames, tickPeriod: 97);

            var counters = result.Counters;
            Assert.Equal(0, result.Checks.BadVictims);
            Assert.Equal(0, result.Checks.OutOfSequence);
            Assert.Equal(4_000, counters.Hits + counters.Faults);
            Assert.Equal(counters.Evictions, result.Checks.Victims);
            Assert.Equal(result.Removed, result.Checks.EngineRemovals);
            Assert.Equal(result.Resident, counters.Faults - counters.Evictions - result.Removed);
            Assert.True(result.Reclaimed > 0 && result.Removed > 0, $"{name}, {frames} frames: no reclaim or removal");
            Assert.True(frames == 1 || result.EvictedBesideEmptyFrames > 0,
                $"{name}, {frames} frames: no fault evicted beside an empty frame");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Shrink_AfterWarmUp_AllocationDoesNotGrowWithAccesses(string name)
    {
        // Only the loop of accesses, ticks and reclaims is measured; see the replay's allocation test for the rest.
        var policy = PolicyCatalog.Named(name);
        var plan = ShrinkPlan.Random(seed: 9, length: 400_000, distinct: 2_000, frames: 300, reclaimEvery: 500);
        var shortPlan = new ShrinkPlan(plan.Pages[..40_000], plan.Writes[..40_000], plan.Reclaims[..40_001]);
        AllocatedDuringDrive(policy, shortPlan);
        AllocatedDuringDrive(policy, plan);

        var shortBytes = Math.Min(AllocatedDuringDrive(policy, shortPlan), AllocatedDuringDrive(policy, shortPlan));
        var longBytes = Math.Min(AllocatedDuringDrive(policy, plan), AllocatedDuringDrive(policy, plan));

        Assert.True(longBytes <= shortBytes, $"{name}: {shortBytes} B for 40,000 accesses, {longBytes} B for 400,000");
    }

    private static long AllocatedDuringDrive(PolicyEntry policy, ShrinkPlan plan)
    {
        using var form = ReplayForm.FromPages(plan.Pages, plan.Writes);
        using var session = ReplaySession.Start(policy.Name, form,
            new ReplaySettings { Frames = 300, TickPeriod = 5_000 }, policy.Offline);
        var driver = new ReplacementDriver<InterfaceDispatch>(new InterfaceDispatch(policy.Create(session.Context)),
            policy.Name, session.Context.Frames, form.PageCount);
        var ids = Shrinking.DenseIds(plan.Pages, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Shrinking.Drive(driver, ids, plan.Writes, plan.Reclaims, tickPeriod: 5_000);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long LeastAllocatedDuringReplays(PolicyEntry policy, ReplayForm form, ReplaySettings settings) =>
        Math.Min(AllocatedDuringReplay(policy, form, settings),
            Math.Min(AllocatedDuringReplay(policy, form, settings), AllocatedDuringReplay(policy, form, settings)));

    private static long AllocatedDuringReplay(PolicyEntry policy, ReplayForm form, ReplaySettings settings)
    {
        using var session = ReplaySession.Start(policy.Name, form, settings, policy.Offline);
        var dispatch = new InterfaceDispatch(policy.Create(session.Context));
        var before = GC.GetAllocatedBytesForCurrentThread();
        session.Replay(ref dispatch);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
