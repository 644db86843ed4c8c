using System.Linq;
using MemFw.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemFw.Generators.Parsing;

/// <summary>Questions about symbols and locations that several parsers ask.</summary>
internal static class SymbolExtensions
{
    /// <summary>
    /// Why generated code in another namespace of the same assembly cannot name <paramref name="type"/>, or null when
    /// it can: the type and every containing type must be public, internal or protected internal, and not
    /// file-local.
    /// </summary>
    public static string? Unreachable(this INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            var what = SymbolEqualityComparer.Default.Equals(t, type) ? "it" : $"containing type '{t.Name}'";
            if (t.IsFileLocal)
            {
                return $"{what} is file-local";
            }

            if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal
                or Accessibility.ProtectedOrInternal))
            {
                return $"{what} is {SyntaxFacts.GetText(t.DeclaredAccessibility)}";
            }
        }

        return null;
    }

    /// <summary>The first source location of <paramref name="symbol"/>, or <paramref name="fallback"/>.</summary>
    public static LocationInfo SourceLocation(this ISymbol symbol, LocationInfo fallback) =>
        symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location ? location.ToInfo() : fallback;

    /// <summary><paramref name="location"/> as plain values.</summary>
    public static LocationInfo ToInfo(this Location location)
    {
        var lines = location.GetLineSpan();
        return new LocationInfo(
            lines.Path,
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            lines.StartLinePosition.Line,
            lines.StartLinePosition.Character,
            lines.EndLinePosition.Line,
            lines.EndLinePosition.Character);
    }
}
