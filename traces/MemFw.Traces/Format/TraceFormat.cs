namespace MemFw.Traces.Format;

/// <summary>The constants of the MemFw trace format: version, file names, column names and layout.</summary>
/// <remarks>traces/FORMAT.md is the specification; these constants are its single source in code.</remarks>
public static class TraceFormat
{
    /// <summary>The format version this code writes and the only one it reads.</summary>
    public const int Version = 1;

    /// <summary>Guest page size in bytes (format version 1 stores 4 KiB pages only).</summary>
    public const int PageSize = 4096;

    /// <summary>log2 of <see cref="PageSize"/>: a guest frame number is an address shifted right by this.</summary>
    public const int PageShift = 12;

    /// <summary>The metadata file of a trace folder.</summary>
    public const string MetadataFile = "metadata.json";

    /// <summary>The accesses table of a trace folder.</summary>
    public const string AccessesFile = "accesses.parquet";

    /// <summary>The optional page-contents table of a trace folder.</summary>
    public const string PagesFile = "pages.parquet";

    /// <summary>Rows per row group of <c>accesses.parquet</c>, chosen by measurement (FORMAT.md).</summary>
    public const int AccessRowGroupRows = 1 << 20;

    /// <summary>Rows per row group of <c>pages.parquet</c>: 4096 pages is 16 MiB of content at most.</summary>
    public const int PageRowGroupRows = 4096;

    /// <summary>zstd level for both tables, chosen by measurement (FORMAT.md).</summary>
    public const int ZstdLevel = 3;

    /// <summary>Key of the Parquet key-value metadata entry that holds the format version in every table.</summary>
    public const string VersionKey = "memfw.format_version";

    /// <summary>Key of the Parquet key-value metadata entry that names the table (<c>accesses</c> or <c>pages</c>).</summary>
    public const string TableKey = "memfw.table";
}
