using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using MemFw.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemFw.Generators.Parsing;

/// <summary>
/// Reads a plugin's options record: it must be a record the binder can create with <c>new()</c> and copy with
/// <c>with</c>; its options are the public instance properties with a public getter and a public init or set
/// accessor, base record first, each in declaration order.
/// </summary>
internal static class OptionsParser
{
    private static readonly Regex s_whitespace = new(@"\s+", RegexOptions.CultureInvariant);

    /// <summary>Reads <paramref name="type"/>, reporting MEMFW006 and MEMFW007; null when it cannot be bound.</summary>
    /// <param name="type">The options parameter's type.</param>
    /// <param name="kind">The plugin's kind, for messages.</param>
    /// <param name="plugin">The plugin's display name, for messages.</param>
    /// <param name="location">Where the plugin class is declared, used when the options type is not in source.</param>
    /// <param name="diagnostics">Receives the errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static OptionsModel? Parse(
        ITypeSymbol type,
        PluginKind kind,
        string plugin,
        LocationInfo location,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var display = type.ToDisplayString();
        if (Problem(type) is { } problem)
        {
            diagnostics.Add(Diagnostics.Info(Diagnostics.BadOptionsType, type.SourceLocation(location), display,
                kind.Noun(), plugin, problem));
            return null;
        }

        var options = new List<OptionModel>();
        var bindable = true;
        foreach (var property in Properties((INamedTypeSymbol)type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Option(property, cancellationToken) is { } option)
            {
                options.Add(option);
                continue;
            }

            bindable = false;
            diagnostics.Add(Diagnostics.Info(Diagnostics.UnsupportedOptionType, property.SourceLocation(location),
                property.Name, kind.Noun(), plugin, property.Type.ToDisplayString()));
        }

        return bindable
            ? new OptionsModel(
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), options.ToEquatableArray())
            : null;
    }

    /// <summary>Why the binder cannot create and copy <paramref name="type"/>, or null.</summary>
    private static string? Problem(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { IsRecord: true } record)
        {
            return "it is not a record";
        }

        if (record.IsAbstract)
        {
            return "it is abstract";
        }

        if (record.Unreachable() is { } unreachable)
        {
            return unreachable;
        }

        if (!record.InstanceConstructors.Any(c =>
            c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public))
        {
            return "it has no public parameterless constructor";
        }

        var required = Hierarchy(record).SelectMany(t => t.GetMembers())
            .FirstOrDefault(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true });
        return required is null ? null : $"member '{required.Name}' is required";
    }

    /// <summary>The bindable properties of <paramref name="type"/>, base record first.</summary>
    private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type) =>
        Hierarchy(type).Reverse().SelectMany(t => t.GetMembers().OfType<IPropertySymbol>()).Where(p =>
            p is { IsStatic: false, IsIndexer: false, OverriddenProperty: null }
            && p.DeclaredAccessibility == Accessibility.Public
            && p.GetMethod?.DeclaredAccessibility == Accessibility.Public
            && p.SetMethod?.DeclaredAccessibility == Accessibility.Public);

    /// <summary><paramref name="type"/> and its base types up to, not including, <c>object</c>.</summary>
    private static IEnumerable<INamedTypeSymbol> Hierarchy(INamedTypeSymbol type)
    {
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            yield return t;
        }
    }

    /// <summary>The option of <paramref name="property"/>, or null when its type cannot be bound.</summary>
    private static OptionModel? Option(IPropertySymbol property, CancellationToken cancellationToken)
    {
        var type = property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var (kind, typeName) = type.SpecialType switch
        {
            SpecialType.System_Boolean => (OptionKind.Boolean, "bool"),
            SpecialType.System_Int32 => (OptionKind.Int32, "int"),
            SpecialType.System_Int64 => (OptionKind.Int64, "long"),
            SpecialType.System_Double => (OptionKind.Double, "double"),
            SpecialType.System_String => (OptionKind.String, "string"),
            _ => (OptionKind.Enum, type.Name),
        };
        var members = EquatableArray<string>.Empty;
        if (kind == OptionKind.Enum)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || enumType.Unreachable() is not null)
            {
                return null;
            }

            members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
                .Select(f => f.Name).ToEquatableArray();
        }

        return new OptionModel(
            property.Name,
            Naming.ToKebabCase(property.Name),
            kind,
            typeName,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            DefaultText(property, cancellationToken),
            DocSummary.Of(property, cancellationToken),
            members);
    }

    /// <summary>
    /// The initializer of <paramref name="property"/> as written, on one line; without one, the type's default as a
    /// user reads it (<c>0</c>, <c>false</c>), or <c>default</c> for other types.
    /// </summary>
    private static string DefaultText(IPropertySymbol property, CancellationToken cancellationToken) =>
        property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is PropertyDeclarationSyntax
        {
            Initializer: { } initializer,
        }
            ? s_whitespace.Replace(initializer.Value.ToString(), " ")
            : property.Type.SpecialType switch
            {
                SpecialType.System_Boolean => "false",
                SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double => "0",
                _ => "default",
            };
}
