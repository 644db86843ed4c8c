using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MemFw.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemFw.Generators.Parsing;

/// <summary>
/// Turns a class marked <c>[ReplacementPolicy]</c> into a <see cref="PluginModel"/>, checking every rule the
/// generated code relies on; any error leaves the plugin out and is reported instead.
/// </summary>
internal static class PluginParser
{
    /// <summary>Parses the class of <paramref name="context"/>; never throws except on cancellation.</summary>
    public static PluginParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var location = ((ClassDeclarationSyntax)context.TargetNode).Identifier.GetLocation().ToInfo();
        PluginParseResult? result = null;
        var failure = Guard.Run(type.ToDisplayString(), location,
            () => result = Parse(context, type, location, cancellationToken));
        return failure is null ? result! : new PluginParseResult(null, location, new[] { failure }.ToEquatableArray());
    }

    private static PluginParseResult Parse(
        GeneratorAttributeSyntaxContext context,
        INamedTypeSymbol type,
        LocationInfo location,
        CancellationToken cancellationToken)
    {
        var display = type.ToDisplayString();
        var diagnostics = new List<DiagnosticInfo>();
        var attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
        var description = Named(attribute, "Description") as string ?? "";
        var source = Named(attribute, "Source") as string ?? "";
        var offline = Named(attribute, "Offline") is true;
        var compilation = context.SemanticModel.Compilation;
        var policy = compilation.GetTypeByMetadataName(KnownTypes.ReplacementPolicy);

        if (!type.IsSealed)
        {
            diagnostics.Add(Diagnostics.Info(Diagnostics.NotSealed, location, display));
        }

        if (policy is null || !type.AllInterfaces.Contains(policy, SymbolEqualityComparer.Default))
        {
            diagnostics.Add(Diagnostics.Info(Diagnostics.NotAPolicy, location, display));
        }

        if (!Naming.IsKebabCase(name))
        {
            var argument = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation().ToInfo();
            diagnostics.Add(Diagnostics.Info(Diagnostics.BadName, argument ?? location, display, name));
        }

        if (Inaccessible(type) is { } why)
        {
            diagnostics.Add(Diagnostics.Info(Diagnostics.Inaccessible, location, display, why));
        }

        var contextType = compilation.GetTypeByMetadataName(KnownTypes.ReplacementContext);
        OptionsModel? options = null;
        if (ConstructorParser.TryParse(type, contextType, location, diagnostics, out var arguments, out var optionsType)
            && optionsType is not null)
        {
            options = OptionsParser.Parse(optionsType, display, location, diagnostics, cancellationToken);
        }

        var missing = new[] { ("Description", description), ("Source", source) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Add(Diagnostics.Info(Diagnostics.MissingMetadata,
                attributeSyntax?.GetLocation().ToInfo() ?? location, display, string.Join(" or ", missing)));
        }

        var plugin = diagnostics.Any(Diagnostics.IsError)
            ? null
            : new PluginModel(
                name,
                description,
                source,
                offline,
                display,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                Naming.Identifier(type),
                options,
                arguments,
                policy is not null && CallsDirectly(type, policy));
        return new PluginParseResult(plugin, location, diagnostics.ToEquatableArray());
    }

    /// <summary>The value of the attribute's named argument <paramref name="name"/>, if set.</summary>
    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

    /// <summary>Why generated code cannot name <paramref name="type"/> (MEMFW008), or null.</summary>
    private static string? Inaccessible(INamedTypeSymbol type)
    {
        if (type.TypeParameters.Length > 0)
        {
            return "it is generic";
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0)
            {
                return $"containing type '{outer.Name}' is generic";
            }
        }

        return type.Unreachable();
    }

    /// <summary>Whether public methods of the class implement every member of <paramref name="policy"/>.</summary>
    private static bool CallsDirectly(INamedTypeSymbol type, INamedTypeSymbol policy) =>
        policy.GetMembers().OfType<IMethodSymbol>().All(member =>
            type.FindImplementationForInterfaceMember(member) is IMethodSymbol
            {
                MethodKind: MethodKind.Ordinary,
                DeclaredAccessibility: Accessibility.Public,
            });
}
