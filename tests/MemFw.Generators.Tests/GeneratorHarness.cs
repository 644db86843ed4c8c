using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using MemFw.Framework.Plugins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemFw.Generators.Tests;

/// <summary>Compiles test sources against the framework and runs the generator over them with a plain driver.</summary>
internal static class GeneratorHarness
{
    /// <summary>Preview for the <c>field</c> keyword; doc comments parsed as a plugin project's build does.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Parse);

    /// <summary>The assemblies of the test's runtime, MemFw.Framework among them.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>A library compilation of <paramref name="sources"/>, named <c>Source0.cs</c>, ...</summary>
    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    /// <summary>A library compilation of <paramref name="sources"/> parsed with <paramref name="options"/>.</summary>
    public static CSharpCompilation Compile(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "Lab.Plugins",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, options, path: $"Source{i}.cs")),
            s_references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));

    /// <summary>A driver holding the generator, optionally recording its steps.</summary>
    public static GeneratorDriver CreateDriver(CSharpParseOptions? options = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new PluginGenerator().AsSourceGenerator()],
            parseOptions: options ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>Runs the generator over <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Runs the generator over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver.GetRunResult().Results.Single(), output);
    }

    /// <summary>
    /// Compiles <paramref name="sources"/> with the generator (which must report nothing), loads the assembly into a
    /// context of its own and creates the registry its <c>[assembly: PluginRegistry]</c> names.
    /// </summary>
    public static IPluginRegistry LoadRegistry(params string[] sources)
    {
        var run = Run(sources);
        Assert.Empty(run.Diagnostics);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;

        var assembly = new AssemblyLoadContext("memfw-generated-plugins").LoadFromStream(image);
        var registryType = assembly.GetCustomAttribute<PluginRegistryAttribute>()!.RegistryType;
        return (IPluginRegistry)Activator.CreateInstance(registryType)!;
    }
}

/// <summary>What one generator run produced.</summary>
/// <param name="Result">The generator's files and diagnostics.</param>
/// <param name="Output">The compilation with the generated files added.</param>
internal sealed record GeneratorRun(GeneratorRunResult Result, Compilation Output)
{
    /// <summary>The generator's diagnostics.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>The hint names of the generated files, sorted.</summary>
    public IEnumerable<string> HintNames =>
        Result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal);

    /// <summary>The text of the generated file <paramref name="hintName"/>.</summary>
    public string Source(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>The compiler's warnings and errors on the output compilation.</summary>
    public IEnumerable<Diagnostic> CompilerProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
