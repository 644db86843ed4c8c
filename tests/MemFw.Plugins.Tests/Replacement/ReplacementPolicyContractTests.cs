using System.Reflection;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>What every replacement policy owes the engine, checked over all policies found by attribute.</summary>
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
