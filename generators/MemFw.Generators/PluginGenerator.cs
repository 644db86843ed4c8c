using System.Collections.Immutable;
using MemFw.Generators.Emit;
using MemFw.Generators.Model;
using MemFw.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemFw.Generators;

/// <summary>
/// Finds the plugins of a compilation (replacement policies, victim selectors, balloon strategies, working-set
/// estimators, compression codecs) and emits their registry, option binders and, for replacement policies,
/// specialized dispatch. Only the pipeline is wired here: <c>Parsing/</c> turns symbols into <c>Model/</c> values
/// and <c>Emit/</c> writes the files.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PluginGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<LocatedPlugin>>? all = null;
        foreach (var kind in PluginKindExtensions.All)
        {
            var plugins = Discover(context, kind, StepNames.Of(kind)).Collect();
            all = all is { } previous
                ? previous.Combine(plugins).Select(static (pair, _) => pair.Left.AddRange(pair.Right))
                : plugins;
        }

        var registry = all!.Value
            .Select(static (plugins, cancellationToken) => RegistryBuilder.Build(plugins, cancellationToken))
            .WithTrackingName(StepNames.Registry);
        context.RegisterSourceOutput(registry, SourceOutput.AddRegistry);
    }

    /// <summary>
    /// Finds the classes marked with the attribute of <paramref name="kind"/>, reports their diagnostics, adds the
    /// files of each valid one, and returns the valid ones for the registry.
    /// </summary>
    private static IncrementalValuesProvider<LocatedPlugin> Discover(
        IncrementalGeneratorInitializationContext context,
        PluginKind kind,
        string stepName)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.Attribute(kind),
                static (node, _) => node is ClassDeclarationSyntax,
                (attributeContext, cancellationToken) => PluginParser.Parse(attributeContext, kind, cancellationToken))
            .WithTrackingName(stepName);

        var diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(StepNames.PluginDiagnostics);
        context.RegisterSourceOutput(diagnostics, SourceOutput.Report);

        var valid = parsed
            .Where(static result => result.Plugin is not null)
            .Select(static (result, _) => result.Plugin!)
            .WithTrackingName(StepNames.ValidPlugins);
        context.RegisterSourceOutput(valid, SourceOutput.AddPlugin);

        return parsed
            .Where(static result => result.Plugin is not null)
            .Select(static (result, _) => new LocatedPlugin(result.Plugin!, result.Location))
            .WithTrackingName(StepNames.LocatedPlugins);
    }
}
