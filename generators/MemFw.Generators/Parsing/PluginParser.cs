using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MemFw.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemFw.Generators.Parsing;

/// <summary>
/// Turns a class marked with a plugin kind's attribute (<c>[ReplacementPolicy]</c>, <c>[VictimSelector]</c>,
/// <c>[BalloonStrategy]</c>, <c>[WorkingSetEstimator]</c>, <c>[CompressionCodec]</c>) into a
/// <see cref="PluginModel"/>, checking every rule the generated code relies on; any error leaves the plugin out and
/// is reported instead.
/// </summary>
internal static class PluginParser
{
    /// <summary>Parses the class of <paramref name="context"/> as a plugin of <paramref name="kind"/>.</summary>
    /// <remarks>Never throws except on cancellation: an unexpected exception becomes MEMFW000.</remarks>
    public static PluginParseResult Parse(
        GeneratorAttributeSyntaxContext context,
        PluginKind kind,
        CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var location = ((ClassDeclarationSyntax)context.TargetNode).Identifier.GetLocation().ToInfo();
        PluginParseResult? result = null;
        var failure = Guard.Run(type.ToDisplayString(), location,
            () => result = Parse(context, kind, type, location, cancellationToken));
        return failure is null ? result! : new PluginParseResult(null, location, new[] { failure }.ToEquatableArray());
    }

    private static PluginParseResult Parse(
        GeneratorAttributeSyntaxContext context,
        PluginKind kind,
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
        var contract = compilation.GetTypeByMetadataName(KnownTypes.Contract(kind));

        if (!type.IsSealed)
        {
            diagnostics.Add(Diagnostics.About(Diagnostics.NotSealed, kind, display, location, kind.IsHostKind()
                ? "so that its name stands for one implementation: a variant is an option, not a subclass"
                : "so that its generated dispatch calls it directly"));
        }

        if (contract is null || !type.AllInterfaces.Contains(contract, SymbolEqualityComparer.Default))
        {
            diagnostics.Add(Diagnostics.About(Diagnostics.NotAPolicy, kind, display, location,
                KnownTypes.Contract(kind)));
        }

        if (!Naming.IsKebabCase(name))
        {
            var argument = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation().ToInfo();
            diagnostics.Add(Diagnostics.About(Diagnostics.BadName, kind, display, argument ?? location, name));
        }

        if (Inaccessible(type) is { } why)
        {
            diagnostics.Add(Diagnostics.About(Diagnostics.Inaccessible, kind, display, location, why));
        }

        if (OtherKinds(type, kind) is { } others)
        {
            diagnostics.Add(Diagnostics.About(Diagnostics.SeveralKinds, kind, display,
                attributeSyntax?.GetLocation().ToInfo() ?? location, others));
        }

        var contextType = compilation.GetTypeByMetadataName(KnownTypes.Context(kind));
        OptionsModel? options = null;
        if (ConstructorParser.TryParse(kind, type, contextType, location, diagnostics, out var arguments,
                out var optionsType)
            && optionsType is not null)
        {
            options = OptionsParser.Parse(optionsType, kind, display, location, diagnostics, cancellationToken);
        }

        var missing = new[] { ("Description", description), ("Source", source) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Add(Diagnostics.About(Diagnostics.MissingMetadata, kind, display,
                attributeSyntax?.GetLocation().ToInfo() ?? location, string.Join(" or ", missing),
                kind.AttributeName()));
        }

        var plugin = diagnostics.Any(Diagnostics.IsError)
            ? null
            : new PluginModel(
                kind,
                name,
                description,
                source,
                offline,
                display,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                Naming.Identifier(type),
                options,
                arguments,
                !kind.IsHostKind() && contract is not null && CallsDirectly(type, contract));
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

    /// <summary>
    /// The other kind attributes on <paramref name="type"/> besides that of <paramref name="kind"/>, as users write
    /// them (<c>VictimSelector] and [BalloonStrategy</c>, to go between brackets), or null when it has none (MEMFW010).
    /// </summary>
    private static string? OtherKinds(INamedTypeSymbol type, PluginKind kind)
    {
        var marked = type.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).ToList();
        var others = PluginKindExtensions.All
            .Where(other => other != kind && marked.Contains(KnownTypes.Attribute(other)))
            .Select(other => other.AttributeName()).ToList();
        return others.Count == 0 ? null : string.Join("] and [", others);
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
