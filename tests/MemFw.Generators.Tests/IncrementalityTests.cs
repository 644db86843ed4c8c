using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MemFw.Generators.Tests;

/// <summary>An edit that does not touch a plugin re-runs none of the generator's named steps.</summary>
public sealed class IncrementalityTests
{
    private const string Other = "namespace Lab.Policies; internal static class Unrelated { }";

    /// <summary>Every step name in <see cref="StepNames"/>.</summary>
    private static readonly string[] s_stepNames = typeof(StepNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void UnrelatedEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var reasons = RerunAfter(tree => tree.FilePath == "Source1.cs"
            ? tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(0, 0), "// a comment\n")))
            : tree);

        Assert.All(s_stepNames, name => Assert.Contains(name, reasons.Keys));
        Assert.All(reasons, step => Assert.All(step.Value, reason =>
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step.Key} was {reason}")));
    }

    [Fact]
    public void PluginEdit_ModifiesTheSteps()
    {
        var reasons = RerunAfter(tree => tree.FilePath == "Source0.cs"
            ? tree.WithChangedText(SourceText.From(
                tree.GetText().ToString().Replace("Default 8.", "Default eight.", StringComparison.Ordinal)))
            : tree);

        Assert.Contains(IncrementalStepRunReason.Modified, reasons[StepNames.ValidPlugins]);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[StepNames.Registry]);
    }

    [Fact]
    public void HostPluginEdit_ModifiesItsKindOnly()
    {
        var reasons = RerunAfter(tree => tree.FilePath == "Source3.cs"
            ? tree.WithChangedText(SourceText.From(tree.GetText().ToString()
                .Replace("Default 0.75.", "Default three quarters.", StringComparison.Ordinal)))
            : tree);

        Assert.Contains(IncrementalStepRunReason.Modified, reasons[StepNames.VictimSelectors]);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[StepNames.ValidPlugins]);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[StepNames.Registry]);
        Assert.All(reasons[StepNames.ReplacementPolicies], reason =>
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    /// <summary>
    /// Runs the generator over the two-plugin source, an unrelated file, a plugin with a warning and one plugin of
    /// each other kind (so that every step has output), then again after <paramref name="edit"/>; returns the output
    /// reasons of the second run's named steps.
    /// </summary>
    private static Dictionary<string, IncrementalStepRunReason[]> RerunAfter(Func<SyntaxTree, SyntaxTree> edit)
    {
        var warned = TestSources.Plugin("public sealed class Warned : IReplacementPolicy", "\"warned\"");
        var compilation = GeneratorHarness.Compile(TestSources.TwoPlugins, Other, warned,
            HostPluginTestSources.ThreeKinds, HostPluginTestSources.Codec, HostPluginTestSources.ContentKinds);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var edited = compilation.SyntaxTrees.Aggregate(compilation,
            (c, tree) => edit(tree) is var changed && changed != tree ? c.ReplaceSyntaxTree(tree, changed) : c);

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        return result.TrackedSteps
            .Where(step => s_stepNames.Contains(step.Key))
            .ToDictionary(
                step => step.Key,
                step => step.Value.SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray());
    }
}
