using System.Text;

namespace MemFw.Generators.Emit;

/// <summary>Writes C# source line by line with four-space indentation; braces open and close blocks.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Writes <paramref name="line"/> at the current indentation, or an empty line.</summary>
    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents what follows.</summary>
    public SourceWriter Open(string header)
    {
        Line(header).Line("{");
        _depth++;
        return this;
    }

    /// <summary>Closes the innermost block; <paramref name="suffix"/> (<c>;</c>, <c>,</c>) follows the brace.</summary>
    public SourceWriter Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    /// <summary>Indents what follows by one level without a brace (a wrapped expression, a case body).</summary>
    public SourceWriter Indent()
    {
        _depth++;
        return this;
    }

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    public SourceWriter Outdent()
    {
        _depth--;
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();
}
