namespace MemFw.Traces.Format;

/// <summary>An opened trace folder: its metadata and the tables it holds, read on demand.</summary>
public sealed class Trace
{
    private Trace(string path, TraceMetadata metadata)
    {
        Path = path;
        Metadata = metadata;
    }

    /// <summary>The trace folder.</summary>
    public string Path { get; }

    /// <summary>The parsed <c>metadata.json</c>.</summary>
    public TraceMetadata Metadata { get; }

    /// <summary>The path of <c>accesses.parquet</c>.</summary>
    public string AccessesPath => System.IO.Path.Combine(Path, TraceFormat.AccessesFile);

    /// <summary>The path of <c>pages.parquet</c>, which may not exist.</summary>
    public string PagesPath => System.IO.Path.Combine(Path, TraceFormat.PagesFile);

    /// <summary>Whether the trace has a page-contents table.</summary>
    public bool HasPages => File.Exists(PagesPath);

    /// <summary>Opens the trace folder at <paramref name="path"/> and reads its metadata.</summary>
    /// <exception cref="TraceInputException">
    /// The folder or its metadata is missing, or the metadata is malformed or of another format version.
    /// </exception>
    public static Trace Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            throw new TraceInputException(path, "",
                $"expected a trace folder holding {TraceFormat.MetadataFile} and {TraceFormat.AccessesFile}, found a file");
        }

        if (!Directory.Exists(path))
        {
            throw new TraceInputException(path, "", "trace folder not found");
        }

        var metadataPath = System.IO.Path.Combine(path, TraceFormat.MetadataFile);
        if (!File.Exists(metadataPath))
        {
            throw new TraceInputException(metadataPath, "", "file not found: every trace folder has one");
        }

        var metadata = TraceMetadataJson.Deserialize(metadataPath);
        if (metadata.FormatVersion != TraceFormat.Version)
        {
            throw new TraceInputException(metadataPath, "format_version",
                $"expected version {TraceFormat.Version}, found {metadata.FormatVersion}");
        }

        return new Trace(path, metadata);
    }

    /// <summary>Opens a streaming reader of the accesses, decoding only <paramref name="columns"/>.</summary>
    public AccessReader OpenAccesses(AccessColumns columns = AccessColumns.All) => new(AccessesPath, columns);

    /// <summary>Opens a streaming reader of the page contents.</summary>
    /// <exception cref="TraceInputException">The trace has no page-contents table.</exception>
    public PageReader OpenPages(bool readContent) => new(PagesPath, readContent);

    /// <summary>The VM with the given name or numeric id, or <see langword="null"/>.</summary>
    public VmDescriptor? FindVm(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        return Metadata.Vms.FirstOrDefault(v => v.Name == nameOrId)
            ?? (int.TryParse(nameOrId, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? Metadata.Vms.FirstOrDefault(v => v.Id == id)
                : null);
    }
}
