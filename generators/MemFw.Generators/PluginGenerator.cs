using MemFw.Generators.Emit;
using MemFw.Generators.Model;
using MemFw.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemFw.Generators;

/// <summary>
/// Finds the replacement-policy plugins of a compilation and emits their registry, option binders and specialized
/// dispatch. Only the pipeline is wired here: <c>Parsing/</c> turns symbols into <c>Model/</c> values and
/// <c>Emit/</c> writes the files.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PluginGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.ReplacementPolicyAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                PluginParser.Parse)
            .WithTrackingName(StepNames.Plugins);

        var diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(StepNames.PluginDiagnostics);
        context.RegisterSourceOutput(diagnostics, SourceOutput.Report);

        var valid = parsed
            .Where(static result => result.Plugin is not null)
            .Select(static (result, _) => result.Plugin!)
            .WithTrackingName(StepNames.ValidPlugins);
        context.RegisterSourceOutput(valid, SourceOutput.AddPlugin);

        var registry = parsed
            .Where(static result => result.Plugin is not null)
            .Select(static (result, _) => new LocatedPlugin(result.Plugin!, result.Location))
            .WithTrackingName(StepNames.LocatedPlugins)
            .Collect()
            .Select(RegistryBuilder.Build)
            .WithTrackingName(StepNames.Registry);
        context.RegisterSourceOutput(registry, SourceOutput.AddRegistry);
    }
}
