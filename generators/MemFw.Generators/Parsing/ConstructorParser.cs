using System.Collections.Generic;
using System.Linq;
using MemFw.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MemFw.Generators.Parsing;

/// <summary>
/// Finds the constructor generated code calls: the one public constructor, whose parameters are drawn from the
/// options record and the kind's context (<c>ReplacementContext</c> or <c>HostPluginContext</c>), each at most
/// once, in any order.
/// </summary>
internal static class ConstructorParser
{
    /// <summary>Reads the constructor of <paramref name="type"/>; reports MEMFW005 when none is usable.</summary>
    /// <param name="kind">The plugin's kind, which names its context type.</param>
    /// <param name="type">The plugin class.</param>
    /// <param name="context">The kind's context type, if the compilation has it.</param>
    /// <param name="location">Where the plugin class is declared.</param>
    /// <param name="diagnostics">Receives the error.</param>
    /// <param name="arguments">The arguments to pass, in parameter order.</param>
    /// <param name="optionsType">The options parameter's type, if the constructor takes one.</param>
    /// <returns>Whether the constructor is usable.</returns>
    public static bool TryParse(
        PluginKind kind,
        INamedTypeSymbol type,
        INamedTypeSymbol? context,
        LocationInfo location,
        List<DiagnosticInfo> diagnostics,
        out EquatableArray<ConstructorArgument> arguments,
        out ITypeSymbol? optionsType)
    {
        arguments = EquatableArray<ConstructorArgument>.Empty;
        optionsType = null;
        var constructors = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (constructors.Count != 1)
        {
            var count = constructors.Count == 0 ? "it has none" : $"it has {constructors.Count}";
            diagnostics.Add(Diagnostics.About(Diagnostics.NoUsableConstructor, kind, type.ToDisplayString(), location,
                KnownTypes.ContextName(kind), count));
            return false;
        }

        var constructor = constructors[0];
        var list = new List<ConstructorArgument>();
        foreach (var parameter in constructor.Parameters)
        {
            var problem = Problem(kind, parameter, context, list, ref optionsType);
            if (problem is not null)
            {
                diagnostics.Add(Diagnostics.About(Diagnostics.NoUsableConstructor, kind, type.ToDisplayString(),
                    constructor.SourceLocation(location), KnownTypes.ContextName(kind), problem));
                optionsType = null;
                return false;
            }
        }

        arguments = list.ToEquatableArray();
        return true;
    }

    /// <summary>Why <paramref name="parameter"/> cannot be supplied, or null after adding its argument.</summary>
    private static string? Problem(
        PluginKind kind,
        IParameterSymbol parameter,
        INamedTypeSymbol? context,
        List<ConstructorArgument> arguments,
        ref ITypeSymbol? optionsType)
    {
        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            return $"parameter '{parameter.Name}' is not a plain value parameter";
        }

        if (SymbolEqualityComparer.Default.Equals(parameter.Type, context))
        {
            if (arguments.Contains(ConstructorArgument.Context))
            {
                return $"it takes {KnownTypes.ContextName(kind)} twice";
            }

            arguments.Add(ConstructorArgument.Context);
            return null;
        }

        if (optionsType is not null)
        {
            return $"parameter '{parameter.Name}' would be a second options record";
        }

        optionsType = parameter.Type;
        arguments.Add(ConstructorArgument.Options);
        return null;
    }
}
