using Microsoft.CodeAnalysis;
using Snapshooter;
using Snapshooter.Xunit;

namespace MemFw.Generators.Tests;

/// <summary>What the generator emits for valid plugins: snapshots of each file, and code that compiles.</summary>
public sealed class PluginGeneratorTests
{
    private static readonly Lazy<GeneratorRun> s_twoPlugins = new(() => GeneratorHarness.Run(TestSources.TwoPlugins));

    [Fact]
    public void Generate_TwoPlugins_EmitsRegistryBinderAndDispatchPerPlugin()
    {
        Assert.Empty(s_twoPlugins.Value.Diagnostics);
        Assert.Equal(
            [
                "Lab_Policies_AgingPolicyDispatch.g.cs",
                "Lab_Policies_AgingPolicyOptionBinder.g.cs",
                "Lab_Policies_OptPolicyDispatch.g.cs",
                "Lab_Policies_OptPolicyOptionBinder.g.cs",
                "MemFwPluginRegistry.g.cs",
            ],
            s_twoPlugins.Value.HintNames);
    }

    [Theory]
    [InlineData("MemFwPluginRegistry.g.cs")]
    [InlineData("Lab_Policies_AgingPolicyOptionBinder.g.cs")]
    [InlineData("Lab_Policies_AgingPolicyDispatch.g.cs")]
    [InlineData("Lab_Policies_OptPolicyOptionBinder.g.cs")]
    [InlineData("Lab_Policies_OptPolicyDispatch.g.cs")]
    public void Generate_TwoPlugins_MatchesSnapshot(string hintName) =>
        Snapshot.Match(s_twoPlugins.Value.Source(hintName), SnapshotNameExtension.Create(hintName));

    [Fact]
    public void Generate_TwoPlugins_CompilesWithoutWarnings() =>
        Assert.Empty(s_twoPlugins.Value.CompilerProblems());

    [Fact]
    public void Generate_NoPlugins_EmitsNothing()
    {
        var run = GeneratorHarness.Run("namespace Lab; public sealed class NotAPlugin { }");

        Assert.Empty(run.Result.GeneratedSources);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Generate_SameClassNameInTwoNamespaces_GeneratesDistinctTypes()
    {
        var first = TestSources.Plugin("public sealed class Fifo : IReplacementPolicy", "\"fifo-a\"");
        var second = TestSources.Plugin("public sealed class Fifo : IReplacementPolicy", "\"fifo-b\"", ns: "Lab.Other");

        var run = GeneratorHarness.Run(first, second);

        Assert.Contains("Lab_FifoRunner", run.Source("MemFwPluginRegistry.g.cs"), StringComparison.Ordinal);
        Assert.Contains("Lab_Other_FifoRunner", run.Source("MemFwPluginRegistry.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems());
    }

    [Fact]
    public void Generate_ExplicitImplementation_CallsThroughTheInterface()
    {
        var source = TestSources.Plugin("public sealed class Explicit : IReplacementPolicy")
            .Replace("public void OnTick() { }", "void IReplacementPolicy.OnTick() { }", StringComparison.Ordinal);

        var run = GeneratorHarness.Run(source);

        Assert.Contains("((global::MemFw.Framework.Replacement.IReplacementPolicy)_policy).OnTick()",
            run.Source("Lab_ExplicitDispatch.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems());
    }

    [Fact]
    public void Generate_NestedPluginAndKeywordNames_Compiles()
    {
        var source = TestSources.PluginWithOptions(
            """
            public enum Kind { @class, Other }
            public sealed record Options { public Kind @event { get; init; } = Kind.@class; }
            """,
            outer: "public static class Outer_Name");

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Lab_Outer_0Name_1PRunner", run.Source("MemFwPluginRegistry.g.cs"),
            StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems());
    }

    [Fact]
    public void Generate_DerivedOptionsRecord_ListsBasePropertiesFirst()
    {
        var source = TestSources.PluginWithOptions("""
            public record BaseOptions { public int First { get; init; } = 1; }
            public sealed record Options : BaseOptions { public bool Second { get; set; } }
            """);

        var run = GeneratorHarness.Run(source);

        Assert.Contains("private const string Known = \"first, second\";", run.Source("Lab_POptionBinder.g.cs"),
            StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems());
    }

    [Theory]
    [InlineData("public record struct Options { public Options() { } public long Size { get; init; } = 4; }")]
    [InlineData("public sealed record Options;")]
    [InlineData("public sealed record Options { public int Computed => 4; }")]
    public void Generate_OptionsRecordShapes_Compile(string options)
    {
        var run = GeneratorHarness.Run(TestSources.PluginWithOptions(options));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilerProblems());
    }

    [Fact]
    public void Generate_DocumentationModeNone_StillReadsOptionSummaries()
    {
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.None);

        var run = GeneratorHarness.Run(GeneratorHarness.Compile(options, TestSources.TwoPlugins));

        Assert.Contains("\"History bits per frame, 1 to 32. Default 8.\"", run.Source("MemFwPluginRegistry.g.cs"),
            StringComparison.Ordinal);
    }
}
