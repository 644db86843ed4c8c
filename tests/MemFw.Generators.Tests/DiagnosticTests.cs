using Microsoft.CodeAnalysis;

namespace MemFw.Generators.Tests;

/// <summary>Each rule the generator checks, reported with its id at the place to fix.</summary>
public sealed class DiagnosticTests
{
    private const string Policy = "public sealed class P : IReplacementPolicy";

    [Fact]
    public void NotSealed_ReportsMemfw001OnTheClassName()
    {
        var source = TestSources.Plugin("public class NotSealed : IReplacementPolicy");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW001");

        Assert.Equal("NotSealed", At(diagnostic, source));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void NoPolicyContract_ReportsMemfw002OnTheClassName()
    {
        var source = TestSources.Plugin("public sealed class NoContract");

        Assert.Equal("NoContract", At(Single(GeneratorHarness.Run(source), "MEMFW002"), source));
    }

    [Theory]
    [InlineData("Lru")]
    [InlineData("lru--k")]
    [InlineData("-lru")]
    [InlineData("lru-")]
    [InlineData("lru_k")]
    [InlineData("")]
    public void NameNotKebabCase_ReportsMemfw003OnTheName(string name)
    {
        var source = TestSources.Plugin(Policy, $"\"{name}\", Description = \"d\", Source = \"s\"");

        Assert.Equal($"\"{name}\"", At(Single(GeneratorHarness.Run(source), "MEMFW003"), source));
    }

    [Theory]
    [InlineData("lru")]
    [InlineData("lru-2q")]
    [InlineData("2q")]
    public void NameKebabCase_ReportsNothing(string name)
    {
        var source = TestSources.Plugin(Policy, $"\"{name}\", Description = \"d\", Source = \"s\"");

        Assert.Empty(GeneratorHarness.Run(source).Diagnostics);
    }

    [Fact]
    public void NameUsedTwice_ReportsMemfw004OnBothAndRegistersNeither()
    {
        var first = TestSources.Plugin("public sealed class First : IReplacementPolicy", "\"same\"");
        var second = TestSources.Plugin("public sealed class Second : IReplacementPolicy", "\"same\"", ns: "Lab.Other");

        var run = GeneratorHarness.Run(first, second);

        var diagnostics = run.Diagnostics.Where(d => d.Id == "MEMFW004").OrderBy(d => d.Location.GetLineSpan().Path);
        Assert.Collection(
            diagnostics,
            d => Assert.Equal("First", At(d, first)),
            d => Assert.Equal("Second", At(d, second)));
        Assert.DoesNotContain("MemFwPluginRegistry.g.cs", run.HintNames);
    }

    [Theory]
    [InlineData("public P() { } public P(ReplacementContext context) { }")]
    [InlineData("private P() { }")]
    [InlineData("public P(ReplacementContext a, ReplacementContext b) { }")]
    [InlineData("public P(Options a, Options b) { }")]
    [InlineData("public P(ref ReplacementContext context) { }")]
    public void NoUsableConstructor_ReportsMemfw005(string constructors)
    {
        var source = TestSources.Plugin(Policy, body: constructors, extra: "public sealed record Options;");

        Single(GeneratorHarness.Run(source), "MEMFW005");
    }

    [Theory]
    [InlineData("")]
    [InlineData("public P(Options options) { }")]
    [InlineData("public P(ReplacementContext context) { }")]
    [InlineData("public P(ReplacementContext context, Options options) { }")]
    [InlineData("public P(Options options, ReplacementContext context) { }")]
    public void UsableConstructor_CompilesWithoutDiagnostics(string constructor)
    {
        var source = TestSources.Plugin(Policy, body: constructor,
            extra: "public sealed record Options { public int Size { get; init; } = 4; }");

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilerProblems());
    }

    [Theory]
    [InlineData("int[]")]
    [InlineData("int?")]
    [InlineData("float")]
    [InlineData("System.TimeSpan")]
    public void UnsupportedOptionType_ReportsMemfw006OnTheProperty(string type)
    {
        var source = TestSources.PluginWithOptions(
            $"public sealed record Options {{ public {type} Weights {{ get; init; }} }}");

        Assert.Equal("Weights", At(Single(GeneratorHarness.Run(source), "MEMFW006"), source));
    }

    [Theory]
    [InlineData("public sealed class Options { }", "it is not a record")]
    [InlineData("public sealed record Options(int Size);", "it has no public parameterless constructor")]
    [InlineData("public abstract record Options;", "it is abstract")]
    [InlineData("public sealed record Options { public required int Size { get; init; } }",
        "member 'Size' is required")]
    public void BadOptionsType_ReportsMemfw007OnTheOptionsType(string options, string reason)
    {
        var source = TestSources.PluginWithOptions(options);

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW007");

        Assert.Equal("Options", At(diagnostic, source));
        Assert.EndsWith(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static class Outer", "private sealed class P : IReplacementPolicy", "it is private")]
    [InlineData("public static class Outer", "protected internal sealed class P : IReplacementPolicy", null)]
    [InlineData("internal static class Outer<T>", "public sealed class P : IReplacementPolicy", "is generic")]
    [InlineData("", "public sealed class P<T> : IReplacementPolicy", "it is generic")]
    [InlineData("", "file sealed class P : IReplacementPolicy", "it is file-local")]
    [InlineData("internal sealed class Outer", "private protected sealed class P : IReplacementPolicy",
        "it is private protected")]
    public void Accessibility_ReportsMemfw008WhenGeneratedCodeCannotNameTheClass(
        string outer, string declaration, string? reason)
    {
        var source = TestSources.Plugin(declaration, outer: outer);

        var run = GeneratorHarness.Run(source);

        if (reason is null)
        {
            Assert.Empty(run.Diagnostics);
            Assert.Empty(run.CompilerProblems());
            return;
        }

        var diagnostic = Single(run, "MEMFW008");
        Assert.Equal("P", At(diagnostic, source));
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"test\"", "Description or Source")]
    [InlineData("\"test\", Description = \"A test policy\"", "Source")]
    [InlineData("\"test\", Source = \" \"", "Description or Source")]
    public void MissingMetadata_WarnsMemfw009AndStillGenerates(string attribute, string missing)
    {
        var source = TestSources.Plugin(Policy, attribute);

        var run = GeneratorHarness.Run(source);

        var diagnostic = Single(run, "MEMFW009");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith("ReplacementPolicy(", At(diagnostic, source), StringComparison.Ordinal);
        Assert.Contains($"has no {missing}:", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("MemFwPluginRegistry.g.cs", run.HintNames);
    }

    [Fact]
    public void Error_LeavesThePluginOut()
    {
        var run = GeneratorHarness.Run(TestSources.Plugin("public class NotSealed : IReplacementPolicy"));

        Assert.Empty(run.Result.GeneratedSources);
    }

    /// <summary>The one diagnostic of a one-file <paramref name="run"/>, checked to be <paramref name="id"/>.</summary>
    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    /// <summary>The source text <paramref name="diagnostic"/> points at.</summary>
    private static string At(Diagnostic diagnostic, string source) =>
        source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
