using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemFw.Generators.Parsing;

/// <summary>
/// Reads the <c>&lt;summary&gt;</c> of a member's doc comment as one line of plain text, for option descriptions.
/// Source members are read from their <c>///</c> lines, so it works whether or not the project generates a
/// documentation file; members from metadata use the documentation the compiler found.
/// </summary>
internal static class DocSummary
{
    private static readonly Regex s_whitespace = new(@"\s+", RegexOptions.CultureInvariant);
    private static readonly Regex s_tag = new("<[^>]*>", RegexOptions.CultureInvariant);

    /// <summary>The summary of <paramref name="symbol"/>, or the empty string.</summary>
    public static string Of(ISymbol symbol, CancellationToken cancellationToken)
    {
        var syntax = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        var xml = syntax is null
            ? symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken)
            : FromTrivia(syntax);
        return string.IsNullOrWhiteSpace(xml) ? "" : Summary(xml!);
    }

    /// <summary>The text of the <c>///</c> lines before <paramref name="node"/>, without the slashes.</summary>
    private static string FromTrivia(SyntaxNode node)
    {
        var text = new StringBuilder();
        foreach (var trivia in node.GetLeadingTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
                && !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
            {
                continue;
            }

            foreach (var line in trivia.ToFullString().Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("///", System.StringComparison.Ordinal))
                {
                    text.Append(trimmed.Substring(3)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The flattened text of the first <c>summary</c> element of <paramref name="xml"/>.</summary>
    private static string Summary(string xml)
    {
        try
        {
            var summary = XElement.Parse("<doc>" + xml + "</doc>", LoadOptions.PreserveWhitespace)
                .DescendantsAndSelf("summary").FirstOrDefault();
            return summary is null ? "" : OneLine(Flatten(summary));
        }
        catch (XmlException)
        {
            var start = xml.IndexOf("<summary>", System.StringComparison.Ordinal);
            var end = xml.IndexOf("</summary>", System.StringComparison.Ordinal);
            return start < 0 || end < start ? "" : OneLine(s_tag.Replace(xml.Substring(start, end - start), " "));
        }
    }

    /// <summary>The text of <paramref name="element"/>, with references written as their names.</summary>
    private static string Flatten(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { IsEmpty: false } e => Flatten(e),
                XElement e when e.Attribute("cref") is { } cref => StripPrefix(cref.Value),
                XElement e when e.Attribute("langword") is { } word => word.Value,
                XElement e when e.Attribute("name") is { } name => name.Value,
                _ => "",
            });
        }

        return text.ToString();
    }

    /// <summary>A cref without its documentation-id prefix (<c>T:Ns.Type</c> → <c>Ns.Type</c>).</summary>
    private static string StripPrefix(string cref) => cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;

    private static string OneLine(string text) => s_whitespace.Replace(text, " ").Trim();
}
