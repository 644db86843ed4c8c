using MemFw.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MemFw.Generators.Emit;

/// <summary>The pipeline's outputs: each adds its files or reports its diagnostics, and never throws.</summary>
internal static class SourceOutput
{
    /// <summary>Reports one diagnostic found while parsing a plugin.</summary>
    public static void Report(SourceProductionContext context, DiagnosticInfo diagnostic) =>
        context.ReportDiagnostic(Diagnostics.ToDiagnostic(diagnostic));

    /// <summary>
    /// Adds the option binder of <paramref name="plugin"/> and, for a replacement policy, its dispatch; host plugins
    /// run at rebalancing points, not per access, and need none.
    /// </summary>
    public static void AddPlugin(SourceProductionContext context, PluginModel plugin)
    {
        var failure = Guard.Run(plugin.TypeName, null, () =>
        {
            context.AddSource(OptionBinderEmitter.HintName(plugin), OptionBinderEmitter.Emit(plugin));
            if (plugin.Kind == PluginKind.ReplacementPolicy)
            {
                context.AddSource(DispatchEmitter.HintName(plugin), DispatchEmitter.Emit(plugin));
            }
        });
        if (failure is not null)
        {
            Report(context, failure);
        }
    }

    /// <summary>Reports name clashes and adds the registry, unless the assembly has no valid plugin at all.</summary>
    public static void AddRegistry(SourceProductionContext context, RegistryModel registry)
    {
        foreach (var diagnostic in registry.Diagnostics)
        {
            Report(context, diagnostic);
        }

        if (registry.Plugins.IsEmpty)
        {
            return;
        }

        var failure = Guard.Run(GeneratedCode.Registry, null,
            () => context.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(registry)));
        if (failure is not null)
        {
            Report(context, failure);
        }
    }
}
