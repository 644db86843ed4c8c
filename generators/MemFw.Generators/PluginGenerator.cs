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
        var replacementPolicies = Discover(context, PluginKind.ReplacementPolicy, StepNames.ReplacementPolicies);
        var victimSelectors = Discover(context, PluginKind.VictimSelector, StepNames.VictimSelectors);
        var balloonStrategies = Discover(context, PluginKind.BalloonStrategy, StepNames.BalloonStrategies);
        var estimators = Discover(context, PluginKind.WorkingSetEstimator, StepNames.WorkingSetEstimators);
        var codecs = Discover(context, PluginKind.CompressionCodec, StepNames.CompressionCodecs);

        var registry = replacementPolicies.Collect()
            .Combine(victimSelectors.Collect())
            .Combine(balloonStrategies.Collect())
            .Combine(estimators.Collect())
            .Combine(codecs.Collect())
            .Select(static (kinds, cancellationToken) => RegistryBuilder.Build(
                kinds.Left.Left.Left.Left
                    .AddRange(kinds.Left.Left.Left.Right)
                    .AddRange(kinds.Left.Left.Right)
                    .AddRange(kinds.Left.Right)
                    .AddRange(kinds.Right),
                cancellationToken))
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
