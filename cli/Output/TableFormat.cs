namespace MemFw.Cli.Output;

/// <summary>How a result table is printed (<c>--format</c>).</summary>
internal enum TableFormat
{
    /// <summary>Aligned plain text for people.</summary>
    Table,

    /// <summary>Comma-separated values with a header row.</summary>
    Csv,

    /// <summary>An array of objects with snake_case keys and numeric values.</summary>
    Json,

    /// <summary>A GitHub-flavoured Markdown table.</summary>
    Markdown,
}
