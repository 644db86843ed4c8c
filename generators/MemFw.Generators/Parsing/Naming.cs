using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace MemFw.Generators.Parsing;

/// <summary>The names the generator derives: kebab-case option names and collision-free type identifiers.</summary>
internal static class Naming
{
    /// <summary>Whether <paramref name="name"/> is lower-kebab-case: <c>^[a-z0-9]+(-[a-z0-9]+)*$</c>.</summary>
    public static bool IsKebabCase(string name) =>
        name.Split('-').All(word => word.Length > 0 && word.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')));

    /// <summary>
    /// The kebab-case form of a property name: a hyphen before each word of a PascalCase name, acronyms kept as one
    /// word (<c>TickPeriod</c> → <c>tick-period</c>, <c>MaxIOSize</c> → <c>max-io-size</c>).
    /// </summary>
    public static string ToKebabCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                AppendHyphen(text);
                continue;
            }

            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var wordStart = char.IsLower(previous) || char.IsDigit(previous)
                    || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (wordStart)
                {
                    AppendHyphen(text);
                }
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString().Trim('-');
    }

    /// <summary>
    /// The full name of <paramref name="type"/> as one identifier, distinct for distinct types: namespaces joined by
    /// <c>_</c>, nested types by <c>_1</c>, and an underscore of a name written <c>_0</c>
    /// (<c>Lab.Policies.Aging</c> → <c>Lab_Policies_Aging</c>). No name starts with a digit, so the code is
    /// unambiguous.
    /// </summary>
    public static string Identifier(INamedTypeSymbol type)
    {
        var types = new Stack<string>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            types.Push(Escape(t.Name));
        }

        var namespaces = new Stack<string>();
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            namespaces.Push(Escape(ns.Name));
        }

        var typePart = string.Join("_1", types);
        return namespaces.Count == 0 ? typePart : string.Join("_", namespaces) + "_" + typePart;
    }

    private static string Escape(string name) => name.Replace("_", "_0");

    private static void AppendHyphen(StringBuilder text)
    {
        if (text.Length > 0 && text[text.Length - 1] != '-')
        {
            text.Append('-');
        }
    }
}
