using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Generators.Tests;

/// <summary>
/// Generated host plugin code at work: an assembly compiled in memory and loaded, its host plugins found in the
/// registry, bound from option text, created with a <see cref="HostPluginContext"/> and called through their
/// interfaces.
/// </summary>
public sealed class HostPluginBehaviorTests
{
    /// <summary>
    /// A victim selector with options (a double, an enum) that takes the context for its tie-break, a balloon
    /// strategy without options that caps targets by the rebalancing period, and an estimator whose period is it.
    /// </summary>
    private const string Plugins = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using MemFw.Framework.Host;
        using MemFw.Framework.Plugins;

        namespace Lab.HostBehavior;

        /// <summary>Which VMs the greedy selector takes from first.</summary>
        public enum VictimOrder { LargestFirst, SmallestFirst }

        public sealed record GreedyOptions
        {
            /// <summary>The share of a VM's reclaimable pages it may take, above 0 up to 1. Default 1.</summary>
            public double MaxFraction
            {
                get;
                init
                {
                    ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "max-fraction");
                    ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1.0, "max-fraction");
                    field = value;
                }
            } = 1.0;

            /// <summary>Which VMs give first.</summary>
            public VictimOrder Order { get; init; } = VictimOrder.LargestFirst;
        }

        /// <summary>
        /// Takes from the VMs in order of reclaimable pages; among equals, from VM (seed mod n) onwards.
        /// </summary>
        [VictimSelector("test-greedy", Description = "Most reclaimable first", Source = "Tests")]
        public sealed class GreedySelector(HostPluginContext context, GreedyOptions options) : IVictimSelector
        {
            public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim)
            {
                var sign = options.Order == VictimOrder.LargestFirst ? -1 : 1;
                var order = Enumerable.Range(0, vms.Count)
                    .OrderBy(i => sign * vms[i].ReclaimablePages)
                    .ThenBy(i => (i - context.Seed % vms.Count + vms.Count) % vms.Count)
                    .ToList();
                var left = pagesNeeded;
                foreach (var i in order)
                {
                    reclaim[i] = Math.Min(left, (long)(vms[i].ReclaimablePages * options.MaxFraction));
                    left -= reclaim[i];
                }
            }
        }

        /// <summary>Balloons half of each VM's idle pages, at most a tenth of the rebalancing period.</summary>
        [BalloonStrategy("test-half-idle", Description = "Half the idle pages", Source = "Tests")]
        public sealed class HalfIdleBalloon(HostPluginContext context) : IBalloonStrategy
        {
            public void SetTargets(HostView host, IReadOnlyList<VmView> vms, Span<long> targets)
            {
                for (var i = 0; i < vms.Count; i++)
                {
                    var half = (vms[i].GrantedPages - vms[i].ActivePages) / 2;
                    targets[i] = vms[i].HasBalloon ? Math.Min(half, context.RebalancePeriod / 10) : 0;
                }
            }
        }

        /// <summary>The pages touched in the period.</summary>
        [WorkingSetEstimator("test-touched", Description = "Pages touched in the period", Source = "Tests")]
        internal sealed class TouchedEstimator(HostPluginContext context) : IWorkingSetEstimator
        {
            public long Period => context.RebalancePeriod;

            public long Estimate(VmView vm, IWorkingSetProbe probe, long periodStart) =>
                probe.CountTouchedSince(periodStart);
        }
        """;

    private static readonly HostPluginContext s_context = new(Seed: 1, RebalancePeriod: 1000);

    private static readonly Lazy<IPluginRegistry> s_registry = new(() => GeneratorHarness.LoadRegistry(Plugins));

    /// <summary>
    /// Three VMs: reclaimable 300, 400, 300 (granted minus guarantee), idle 400, 100, 0 (granted minus active);
    /// the first two have a balloon driver.
    /// </summary>
    private static readonly VmView[] s_vms =
    [
        Vm(id: 0, granted: 500, guarantee: 200, active: 100, balloon: true),
        Vm(id: 1, granted: 600, guarantee: 200, active: 500, balloon: true),
        Vm(id: 2, granted: 300, guarantee: 0, active: 300, balloon: false),
    ];

    [Fact]
    public void Registry_ListsEachKindWithItsOptions()
    {
        var registry = s_registry.Value;

        Assert.Empty(registry.ReplacementPolicies);
        var selector = Assert.Single(registry.VictimSelectors);
        Assert.Equal(("test-greedy", "Most reclaimable first", "Tests", "Lab.HostBehavior.GreedySelector"),
            (selector.Name, selector.Description, selector.Source, selector.TypeName));
        Assert.Equal(
            [
                new OptionDescriptor("max-fraction", "double", "1.0",
                    "The share of a VM's reclaimable pages it may take, above 0 up to 1. Default 1."),
                new OptionDescriptor("order", "VictimOrder", "VictimOrder.LargestFirst", "Which VMs give first."),
            ],
            selector.Options);
        Assert.Equal("test-half-idle", Assert.Single(registry.BalloonStrategies).Name);
        Assert.Empty(registry.BalloonStrategies[0].Options);
        Assert.Equal("test-touched", Assert.Single(registry.WorkingSetEstimators).Name);
    }

    [Fact]
    public void VictimSelector_Defaults_TakesLargestFirstAndBreaksTiesFromTheSeed()
    {
        // Largest first: VM 1 (400). VMs 0 and 2 tie at 300; from VM (seed 1 mod 3) = 1 onwards, VM 2 comes before
        // VM 0. 900 pages: VM 1 gives 400, VM 2 gives 300, VM 0 the 200 left.
        Assert.Equal([200, 400, 300], Apportion(900));
    }

    [Fact]
    public void VictimSelector_SmallestFirstAtHalf_TakesHalfOfEachInOrder()
    {
        // Half of each: 150, 200, 150. Smallest first, ties from VM 1 onwards: VM 2, VM 0, then VM 1.
        // 250 pages: VM 2 gives 150, VM 0 the 100 left, VM 1 nothing.
        Assert.Equal([100, 0, 150], Apportion(250, ("order", "SMALLESTFIRST"), ("max-fraction", "0.5")));
    }

    [Fact]
    public void BalloonStrategy_CapsEachTargetAtATenthOfThePeriod()
    {
        // Half the idle pages: 200, 50, 0; capped at 1000 / 10 = 100; VM 2 has no balloon driver.
        var strategy = Create(s_registry.Value.BalloonStrategies, "test-half-idle");
        var targets = new long[3];

        strategy.SetTargets(new HostView(), s_vms, targets);

        Assert.Equal([100, 50, 0], targets);
    }

    [Fact]
    public void WorkingSetEstimator_TakesItsPeriodFromTheContextAndAsksTheProbe()
    {
        var estimator = Create(s_registry.Value.WorkingSetEstimators, "test-touched");

        Assert.Equal(1000, estimator.Period);
        Assert.Equal(2000 + 7, estimator.Estimate(s_vms[0], new CountingProbe(), periodStart: 2000));
    }

    [Fact]
    public void Bind_ReturnsAFactoryOfNewPlugins()
    {
        var factory = Bind(s_registry.Value.VictimSelectors, "test-greedy");

        Assert.NotSame(factory(s_context), factory(s_context));
    }

    [Fact]
    public void Bind_RejectsOptionsBeforeAnyPluginIsCreated() =>
        Assert.Throws<PluginOptionException>(() => Bind(s_registry.Value.VictimSelectors, "test-greedy",
            ("max-fraction", "2")));

    [Fact]
    public void Bind_UnknownOption_ThrowsNamingTheKind()
    {
        Assert.Equal(
            "victim selector 'test-greedy': unknown option 'fraction'; options: max-fraction, order",
            Assert.Throws<PluginOptionException>(() =>
                Bind(s_registry.Value.VictimSelectors, "test-greedy", ("fraction", "1"))).Message);
        Assert.Equal(
            "balloon strategy 'test-half-idle': unknown option 'cap'; options: none",
            Assert.Throws<PluginOptionException>(() =>
                Bind(s_registry.Value.BalloonStrategies, "test-half-idle", ("cap", "1"))).Message);
        Assert.Equal(
            "working-set estimator 'test-touched': unknown option 'period'; options: none",
            Assert.Throws<PluginOptionException>(() =>
                Bind(s_registry.Value.WorkingSetEstimators, "test-touched", ("period", "1"))).Message);
    }

    [Theory]
    [InlineData("max-fraction", "half", "option 'max-fraction' expects a double, found 'half'")]
    [InlineData("max-fraction", "0,5", "option 'max-fraction' expects a double, found '0,5'")]
    [InlineData("order", "random", "option 'order' expects one of LargestFirst, SmallestFirst, found 'random'")]
    public void Bind_MalformedValue_ThrowsNamingTheKindAndTheExpectedType(string option, string text, string message) =>
        Assert.Equal("victim selector 'test-greedy': " + message, Assert.Throws<PluginOptionException>(() =>
            Bind(s_registry.Value.VictimSelectors, "test-greedy", (option, text))).Message);

    [Fact]
    public void Bind_ValueTheRecordRejects_WrapsItsExceptionNamingTheKind()
    {
        var exception = Assert.Throws<PluginOptionException>(() =>
            Bind(s_registry.Value.VictimSelectors, "test-greedy", ("max-fraction", "0")));

        Assert.StartsWith("victim selector 'test-greedy': option 'max-fraction' does not accept '0': ",
            exception.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(exception.InnerException);
    }

    /// <summary>Apportions <paramref name="pagesNeeded"/> among the three VMs with <c>test-greedy</c>.</summary>
    private static long[] Apportion(long pagesNeeded, params (string, string)[] options)
    {
        var selector = Create(s_registry.Value.VictimSelectors, "test-greedy", options);
        var reclaim = new long[s_vms.Length];
        selector.Apportion(new HostView(), s_vms, pagesNeeded, reclaim);
        return reclaim;
    }

    /// <summary>Binds plugin <paramref name="name"/> and creates one with the test context.</summary>
    private static T Create<T>(
        IReadOnlyList<HostPluginDescriptor<T>> plugins, string name, params (string, string)[] options)
        where T : class =>
        Bind(plugins, name, options)(s_context);

    /// <summary>Binds the options of plugin <paramref name="name"/> from text.</summary>
    private static Func<HostPluginContext, T> Bind<T>(
        IReadOnlyList<HostPluginDescriptor<T>> plugins, string name, params (string, string)[] options)
        where T : class =>
        plugins.Single(p => p.Name == name)
            .Bind(new OptionValues(options.Select(o => KeyValuePair.Create(o.Item1, o.Item2))));

    /// <summary>A VM with the given sizes, set by reflection: in a run the engine sets them.</summary>
    private static VmView Vm(int id, long granted, long guarantee, long active, bool balloon)
    {
        var vm = new VmView();
        Set(vm, nameof(VmView.Id), id);
        Set(vm, nameof(VmView.GrantedPages), granted);
        Set(vm, nameof(VmView.GuaranteePages), guarantee);
        Set(vm, nameof(VmView.ActivePages), active);
        Set(vm, nameof(VmView.HasBalloon), balloon);
        return vm;
    }

    private static void Set(VmView vm, string property, object value) =>
        typeof(VmView).GetProperty(property)!.SetValue(vm, value);

    /// <summary>A probe that reports <c>time + 7</c> pages touched since any time.</summary>
    private sealed class CountingProbe : IWorkingSetProbe
    {
        public long Now => 0;

        public bool TouchedSince(long gfn, long time) => false;

        public long CountTouchedSince(long time) => time + 7;
    }
}
