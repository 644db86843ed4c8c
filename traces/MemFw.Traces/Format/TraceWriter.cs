namespace MemFw.Traces.Format;

/// <summary>
/// Writes a new trace folder safely: everything goes to a temporary sibling folder, which replaces the target only
/// when <see cref="Commit"/> is called after every table is complete. Disposing without committing deletes the
/// temporary folder, so a failed write leaves no trace behind and never damages an existing one.
/// </summary>
public sealed class TraceWriter : IDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private readonly bool _overwrite;
    private AccessWriter? _accesses;
    private PageWriter? _pages;
    private bool _committed;

    /// <summary>Starts writing the trace folder <paramref name="path"/>.</summary>
    /// <param name="path">The trace folder to create.</param>
    /// <param name="overwrite">Replace an existing trace there (the <c>--force</c> of the CLI).</param>
    /// <exception cref="TraceInputException">The target exists and <paramref name="overwrite"/> is false.</exception>
    public TraceWriter(string path, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _target = System.IO.Path.GetFullPath(path.TrimEnd('/', '\\'));
        _overwrite = overwrite;
        if (!overwrite && (Directory.Exists(_target) || File.Exists(_target)))
        {
            throw new TraceInputException(path, "", "output already exists (pass --force to replace it)");
        }

        var parent = System.IO.Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(parent);
        _temporary = System.IO.Path.Combine(parent,
            $".{System.IO.Path.GetFileName(_target)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_temporary);
    }

    /// <summary>The folder the trace will be moved to on commit.</summary>
    public string Path => _target;

    /// <summary>The accesses table, created on first use.</summary>
    public AccessWriter Accesses =>
        _accesses ??= new AccessWriter(System.IO.Path.Combine(_temporary, TraceFormat.AccessesFile));

    /// <summary>Whether a page-contents table was started.</summary>
    public bool HasPages => _pages is not null;

    /// <summary>Starts the optional page-contents table.</summary>
    public PageWriter StartPages(bool storeContent)
    {
        if (_pages is not null)
        {
            throw new InvalidOperationException("the page-contents table was already started");
        }

        _pages = new PageWriter(System.IO.Path.Combine(_temporary, TraceFormat.PagesFile), storeContent);
        return _pages;
    }

    /// <summary>Closes every table, writes the metadata and moves the folder into place.</summary>
    public void Commit(TraceMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Accesses.Close();
        _accesses!.Dispose();
        _pages?.Close();
        _pages?.Dispose();
        File.WriteAllBytes(System.IO.Path.Combine(_temporary, TraceFormat.MetadataFile),
            TraceMetadataJson.Serialize(metadata));

        string? old = null;
        if (_overwrite && (Directory.Exists(_target) || File.Exists(_target)))
        {
            old = _temporary + ".old";
            if (Directory.Exists(_target))
            {
                Directory.Move(_target, old);
            }
            else
            {
                File.Move(_target, old);
            }
        }

        Directory.Move(_temporary, _target);
        _committed = true;
        if (old is not null)
        {
            if (Directory.Exists(old))
            {
                Directory.Delete(old, recursive: true);
            }
            else
            {
                File.Delete(old);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _accesses?.Dispose();
        _pages?.Dispose();
        if (!_committed && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }
}
