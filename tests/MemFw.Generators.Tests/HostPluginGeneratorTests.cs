using Snapshooter;
using Snapshooter.Xunit;

namespace MemFw.Generators.Tests;

/// <summary>
/// What the generator emits for host plugins (victim selectors, balloon strategies, working-set estimators): a
/// registry list per kind and an option binder per plugin, no dispatch.
/// </summary>
public sealed class HostPluginGeneratorTests
{
    private static readonly Lazy<GeneratorRun> s_threeKinds =
        new(() => GeneratorHarness.Run(HostPluginTestSources.ThreeKinds));

    [Fact]
    public void Generate_ThreeKinds_EmitsRegistryAndOneBinderPerPlugin()
    {
        Assert.Empty(s_threeKinds.Value.Diagnostics);
        Assert.Equal(
            [
                "Lab_Host_HalfIdleBalloonOptionBinder.g.cs",
                "Lab_Host_IdleTaxSelectorOptionBinder.g.cs",
                "Lab_Host_TouchedEstimatorOptionBinder.g.cs",
                "MemFwPluginRegistry.g.cs",
            ],
            s_threeKinds.Value.HintNames);
    }

    [Theory]
    [InlineData("MemFwPluginRegistry.g.cs")]
    [InlineData("Lab_Host_IdleTaxSelectorOptionBinder.g.cs")]
    [InlineData("Lab_Host_HalfIdleBalloonOptionBinder.g.cs")]
    [InlineData("Lab_Host_TouchedEstimatorOptionBinder.g.cs")]
    public void Generate_ThreeKinds_MatchesSnapshot(string hintName) =>
        Snapshot.Match(s_threeKinds.Value.Source(hintName), SnapshotNameExtension.Create(hintName));

    [Fact]
    public void Generate_ThreeKinds_CompilesWithoutWarnings() =>
        Assert.Empty(s_threeKinds.Value.CompilerProblems());

    [Fact]
    public void Generate_OnlyHostPlugins_ImplementsReplacementPoliciesAsEmpty() =>
        Assert.Contains(
            "s_replacementPolicies = global::System.Array.Empty<global::MemFw.Framework.Plugins."
                + "ReplacementPluginDescriptor>();",
            s_threeKinds.Value.Source("MemFwPluginRegistry.g.cs"),
            StringComparison.Ordinal);

    [Fact]
    public void Generate_ReplacementPoliciesOnly_LeavesHostListsToTheInterfaceDefaults()
    {
        var registry = GeneratorHarness.Run(TestSources.TwoPlugins).Source("MemFwPluginRegistry.g.cs");

        Assert.DoesNotContain("HostPluginDescriptor", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_OneHostKind_ImplementsOnlyThatList()
    {
        var source = HostPluginTestSources.HostPlugin("BalloonStrategy", "public sealed class P : IBalloonStrategy");

        var run = GeneratorHarness.Run(source);

        var registry = run.Source("MemFwPluginRegistry.g.cs");
        Assert.Contains(" BalloonStrategies => s_balloonStrategies;", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("VictimSelectors", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("WorkingSetEstimators", registry, StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems());
    }

    [Fact]
    public void Generate_AllFourKinds_CompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run(TestSources.TwoPlugins, HostPluginTestSources.ThreeKinds);

        Assert.Empty(run.Diagnostics);
        Assert.Equal(8, run.HintNames.Count());
        Assert.Empty(run.CompilerProblems());
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("public P(Options options) { }", "options")]
    [InlineData("public P(HostPluginContext context) { }", "context")]
    [InlineData("public P(HostPluginContext context, Options options) { }", "context, options")]
    [InlineData("public P(Options options, HostPluginContext context) { }", "options, context")]
    public void Generate_UsableConstructor_PassesArgumentsInConstructorOrder(string constructor, string arguments)
    {
        var source = HostPluginTestSources.HostPlugin("VictimSelector", "public sealed class P : IVictimSelector",
            body: constructor, extra: "public sealed record Options { public int Size { get; init; } = 4; }");

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilerProblems());
        Assert.Contains($"context => new global::Lab.P({arguments});", run.Source("MemFwPluginRegistry.g.cs"),
            StringComparison.Ordinal);
    }
}
