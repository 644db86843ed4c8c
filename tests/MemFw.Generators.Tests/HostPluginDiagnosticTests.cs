using Microsoft.CodeAnalysis;

namespace MemFw.Generators.Tests;

/// <summary>The plugin rules as they apply to host plugins, reported with the kind, at the place to fix.</summary>
public sealed class HostPluginDiagnosticTests
{
    public static TheoryData<string, string> Kinds => HostPluginTestSources.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NotSealed_ReportsMemfw001NamingTheKind(string kind, string contract)
    {
        var source = HostPluginTestSources.HostPlugin(kind, $"public class NotSealed : {contract}");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW001");

        Assert.Equal("NotSealed", At(diagnostic, source));
        Assert.StartsWith($"{Title(kind)} 'Lab.NotSealed' must be sealed", diagnostic.GetMessage(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VictimSelector", "IBalloonStrategy", "IVictimSelector")]
    [InlineData("BalloonStrategy", "IWorkingSetEstimator", "IBalloonStrategy")]
    [InlineData("WorkingSetEstimator", "IVictimSelector", "IWorkingSetEstimator")]
    [InlineData("VictimSelector", "MemFw.Framework.Replacement.IReplacementPolicy", "IVictimSelector")]
    public void WrongInterface_ReportsMemfw002NamingTheExpectedInterface(string kind, string wrong, string expected)
    {
        var source = HostPluginTestSources.HostPlugin(kind, $"public sealed class Wrong : {wrong}",
            body: "public void OnHit(int frame, bool write) { } public void OnInsert(int frame, bool write) { } "
                + "public int SelectVictim() => 0; public void OnTick() { }");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW002");

        Assert.Equal("Wrong", At(diagnostic, source));
        Assert.Equal($"{Title(kind)} 'Lab.Wrong' must implement MemFw.Framework.Host.{expected}",
            diagnostic.GetMessage());
    }

    [Fact]
    public void CodecWithoutItsInterface_ReportsMemfw002NamingICompressionCodec()
    {
        var source = HostPluginTestSources.HostPlugin("CompressionCodec",
            "public sealed class Wrong : IVictimSelector");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW002");

        Assert.Equal(
            "Compression codec 'Lab.Wrong' must implement MemFw.Framework.Content.Compression.ICompressionCodec",
            diagnostic.GetMessage());
    }

    [Fact]
    public void ReplacementPolicyWithoutItsInterface_ReportsMemfw002NamingIReplacementPolicy()
    {
        var source = TestSources.Plugin("public sealed class NoContract");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW002");

        Assert.Equal(
            "Replacement policy 'Lab.NoContract' must implement MemFw.Framework.Replacement.IReplacementPolicy",
            diagnostic.GetMessage());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NameNotKebabCase_ReportsMemfw003OnTheName(string kind, string contract)
    {
        var source = HostPluginTestSources.HostPlugin(kind, $"public sealed class P : {contract}",
            "\"Idle_Tax\", Description = \"d\", Source = \"s\"");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW003");

        Assert.Equal("\"Idle_Tax\"", At(diagnostic, source));
        Assert.StartsWith($"{Title(kind)} 'Lab.P' is named 'Idle_Tax'", diagnostic.GetMessage(),
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NameUsedTwiceWithinAKind_ReportsMemfw004OnBothAndRegistersNeither(string kind, string contract)
    {
        var first = HostPluginTestSources.HostPlugin(kind, $"public sealed class First : {contract}", "\"same\"");
        var second = HostPluginTestSources.HostPlugin(kind, $"public sealed class Second : {contract}", "\"same\"",
            ns: "Lab.Other");

        var run = GeneratorHarness.Run(first, second);

        var diagnostics = run.Diagnostics.Where(d => d.Id == "MEMFW004").OrderBy(d => d.Location.GetLineSpan().Path);
        Assert.Collection(
            diagnostics,
            d => Assert.Equal("First", At(d, first)),
            d => Assert.Equal("Second", At(d, second)));
        Assert.EndsWith($"a name selects one {Title(kind).ToLowerInvariant()}, so names must be unique within a kind",
            diagnostics.First().GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("MemFwPluginRegistry.g.cs", run.HintNames);
    }

    [Fact]
    public void NameUsedTwiceWithinAKind_LeavesTheOtherKindsRegistered()
    {
        var first = HostPluginTestSources.HostPlugin("BalloonStrategy", "public sealed class First : IBalloonStrategy");
        var second = HostPluginTestSources.HostPlugin("BalloonStrategy",
            "public sealed class Second : IBalloonStrategy", ns: "Lab.Other");

        var run = GeneratorHarness.Run(first, second, HostPluginTestSources.ThreeKinds);

        Assert.Equal(2, run.Diagnostics.Count(d => d.Id == "MEMFW004"));
        var registry = run.Source("MemFwPluginRegistry.g.cs");
        Assert.Contains("Name: \"half-idle\"", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("Name: \"test\"", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void SameNameInEveryKind_IsAllowed()
    {
        var attribute = "\"same\", Description = \"d\", Source = \"s\"";
        var sources = new[]
        {
            TestSources.Plugin("public sealed class Policy : IReplacementPolicy", attribute, ns: "Lab.Policies"),
            HostPluginTestSources.HostPlugin("VictimSelector", "public sealed class Selector : IVictimSelector",
                attribute, ns: "Lab.Selectors"),
            HostPluginTestSources.HostPlugin("BalloonStrategy", "public sealed class Balloon : IBalloonStrategy",
                attribute, ns: "Lab.Balloons"),
            HostPluginTestSources.HostPlugin("WorkingSetEstimator",
                "public sealed class Estimator : IWorkingSetEstimator", attribute, ns: "Lab.Estimators"),
            HostPluginTestSources.HostPlugin("CompressionCodec", "public sealed class Codec : ICompressionCodec",
                attribute, ns: "Lab.Codecs"),
        };

        var run = GeneratorHarness.Run(sources);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilerProblems());
        Assert.Equal(5, run.Source("MemFwPluginRegistry.g.cs").Split("Name: \"same\"").Length - 1);
    }

    [Theory]
    [InlineData("public P() { } public P(HostPluginContext context) { }", "it has 2")]
    [InlineData("private P() { }", "it has none")]
    [InlineData("public P(HostPluginContext a, HostPluginContext b) { }", "it takes HostPluginContext twice")]
    [InlineData("public P(Options a, Options b) { }", "parameter 'b' would be a second options record")]
    [InlineData("public P(in HostPluginContext context) { }", "is not a plain value parameter")]
    public void NoUsableConstructor_ReportsMemfw005NamingHostPluginContext(string constructors, string reason)
    {
        var source = HostPluginTestSources.HostPlugin("WorkingSetEstimator",
            "public sealed class P : IWorkingSetEstimator", body: constructors, extra: "public sealed record Options;");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW005");

        Assert.StartsWith("Working-set estimator 'Lab.P' needs exactly one public constructor taking its options "
            + "record and/or HostPluginContext, each at most once, but ", diagnostic.GetMessage(),
            StringComparison.Ordinal);
        Assert.EndsWith(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedOptionType_ReportsMemfw006NamingTheKind()
    {
        var source = HostPluginTestSources.HostPlugin("VictimSelector",
            "public sealed class P(Options o) : IVictimSelector",
            body: "public Options O { get; } = o;",
            extra: "public sealed record Options { public float Rate { get; init; } }");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW006");

        Assert.Equal("Rate", At(diagnostic, source));
        Assert.StartsWith("Option 'Rate' of victim selector 'Lab.P' has type 'float'", diagnostic.GetMessage(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptionsType_ReportsMemfw007NamingTheKind()
    {
        var source = HostPluginTestSources.HostPlugin("BalloonStrategy",
            "public sealed class P(Options o) : IBalloonStrategy",
            body: "public Options O { get; } = o;", extra: "public sealed record Options(int Size);");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW007");

        Assert.Equal("Options", At(diagnostic, source));
        Assert.Equal("Options type 'Lab.Options' of balloon strategy 'Lab.P' must be a public or internal record with "
            + "a public parameterless constructor, but it has no public parameterless constructor",
            diagnostic.GetMessage());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GenericClass_ReportsMemfw008(string kind, string contract)
    {
        var source = HostPluginTestSources.HostPlugin(kind, $"public sealed class P<T> : {contract}");

        var diagnostic = Single(GeneratorHarness.Run(source), "MEMFW008");

        Assert.Equal("P", At(diagnostic, source));
        Assert.StartsWith($"{Title(kind)} 'Lab.P<T>' must be", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MissingMetadata_WarnsMemfw009NamingTheAttributeAndStillGenerates(string kind, string contract)
    {
        var source = HostPluginTestSources.HostPlugin(kind, $"public sealed class P : {contract}", "\"test\"");

        var run = GeneratorHarness.Run(source);

        var diagnostic = Single(run, "MEMFW009");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith($"{kind}(", At(diagnostic, source), StringComparison.Ordinal);
        Assert.EndsWith($"has no Description or Source: set it on [{kind}] so that 'memfw plugins' can show it",
            diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("MemFwPluginRegistry.g.cs", run.HintNames);
    }

    [Fact]
    public void TwoKindAttributes_ReportMemfw010OnEachAndRegisterNeither()
    {
        var source = HostPluginTestSources.HostPlugin("VictimSelector",
                "public sealed class P : IVictimSelector, IBalloonStrategy")
            .Replace("[VictimSelector(", "[BalloonStrategy(\"both\", Description = \"d\", Source = \"s\")]\n"
                + "[VictimSelector(", StringComparison.Ordinal);

        var run = GeneratorHarness.Run(source);

        Assert.All(run.Diagnostics, d => Assert.Equal("MEMFW010", d.Id));
        Assert.Collection(
            run.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start),
            d => Assert.Equal(
                "Balloon strategy 'Lab.P' is also marked [VictimSelector]: a plugin class has exactly one kind "
                    + "attribute, so that its name and its generated types belong to one kind",
                d.GetMessage()),
            d => Assert.StartsWith("Victim selector 'Lab.P' is also marked [BalloonStrategy]:", d.GetMessage(),
                StringComparison.Ordinal));
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Error_LeavesThePluginOut(string kind, string contract)
    {
        var run = GeneratorHarness.Run(HostPluginTestSources.HostPlugin(kind, $"public class P : {contract}"));

        Assert.Empty(run.Result.GeneratedSources);
    }

    /// <summary>The kind's name as messages start with it.</summary>
    private static string Title(string kind) => kind switch
    {
        "VictimSelector" => "Victim selector",
        "BalloonStrategy" => "Balloon strategy",
        "CompressionCodec" => "Compression codec",
        _ => "Working-set estimator",
    };

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
