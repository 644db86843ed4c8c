using System.Runtime.InteropServices;
using MemFw.Framework.Replacement;
using MemFw.Traces.Format;

namespace MemFw.Framework.Replay;

/// <summary>
/// The replay form of a trace: its RAM accesses as one stream of 32-bit entries <c>(dense page id &lt;&lt; 1) | write</c>,
/// with guest frames of the chosen VMs mapped to dense ids 0..<see cref="PageCount"/>-1 once, so every per-page state
/// of a replay is an array index. Derived once per command and streamed from a temporary file by every replay of it,
/// so memory grows with distinct pages, not with accesses.
/// </summary>
public sealed class ReplayForm : IDisposable
{
    /// <summary>Entries per block handed to the replay loop.</summary>
    internal const int BlockEntries = 1 << 16;

    private readonly string? _path;
    private readonly uint[]? _entries;
    private readonly string? _directory;

    private ReplayForm(string? path, uint[]? entries, string? directory, int pageCount, long accessCount,
        long ioAccesses)
    {
        _path = path;
        _entries = entries;
        _directory = directory;
        PageCount = pageCount;
        AccessCount = accessCount;
        IoAccesses = ioAccesses;
    }

    /// <summary>Distinct pages: dense ids lie below this.</summary>
    public int PageCount { get; }

    /// <summary>RAM accesses in the stream.</summary>
    public long AccessCount { get; }

    /// <summary>Accesses to device memory left out of the stream.</summary>
    public long IoAccesses { get; }

    /// <summary>
    /// Derives the replay form of the accesses of <paramref name="vms"/> (all VMs when empty) of <paramref name="trace"/>;
    /// pages of different VMs are different pages.
    /// </summary>
    /// <exception cref="TraceInputException">The trace is malformed.</exception>
    public static ReplayForm Build(Trace trace, IReadOnlyCollection<int> vms, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(vms);
        var directory = Directory.CreateTempSubdirectory("memfw-replay-").FullName;
        try
        {
            var path = Path.Combine(directory, "accesses.bin");
            var selected = new bool[trace.Metadata.Vms.Count];
            foreach (var vm in vms.Count == 0 ? Enumerable.Range(0, selected.Length) : vms)
            {
                selected[vm] = true;
            }

            var (pages, accesses, io) = Write(trace, selected, path, progress);
            return new ReplayForm(path, null, directory, pages, accesses, io);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>A replay form held in memory, for reference strings in tests and examples.</summary>
    /// <param name="pages">Page numbers of the accesses (any non-negative ints; mapped to dense ids in order of first use).</param>
    /// <param name="writes">Whether each access writes; null for all reads.</param>
    public static ReplayForm FromPages(ReadOnlySpan<int> pages, ReadOnlySpan<bool> writes = default)
    {
        if (!writes.IsEmpty && writes.Length != pages.Length)
        {
            throw new ArgumentException("expected one write flag per page", nameof(writes));
        }

        var ids = new Dictionary<int, int>();
        var entries = new uint[pages.Length];
        for (var i = 0; i < pages.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(pages[i], nameof(pages));
            if (!ids.TryGetValue(pages[i], out var id))
            {
                id = ids.Count;
                ids.Add(pages[i], id);
            }

            entries[i] = Entry(id, !writes.IsEmpty && writes[i]);
        }

        return new ReplayForm(null, entries, null, ids.Count, pages.Length, 0);
    }

    /// <summary>The file holding the entries, or null for a form in memory.</summary>
    internal string? FilePath => _path;

    /// <summary>Opens a sequential reader of the entries.</summary>
    public ReplayFormReader OpenReader() => _entries is not null ? new ReplayFormReader(_entries) : new ReplayFormReader(_path!);

    /// <summary>
    /// Computes, for every access, the position of the next access to the same page (for Belady's OPT) by one
    /// backward pass; the result streams from a temporary file beside the form.
    /// </summary>
    public NextUseFile BuildNextUse() => NextUseFile.Build(this, _directory);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The entry of an access to dense page <paramref name="page"/>.</summary>
    internal static uint Entry(int page, bool write) => ((uint)page << 1) | (write ? 1u : 0u);

    private static (int Pages, long Accesses, long Io) Write(Trace trace, bool[] selected, string path,
        IProgress<double>? progress)
    {
        var ids = new Dictionary<ulong, int>();
        using var reader = new PrefetchingAccessReader(trace.OpenAccesses(AccessColumns.Replay));
        using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        var block = new uint[BlockEntries];
        var lastKey = ulong.MaxValue;
        var lastId = 0;
        long accesses = 0, io = 0;
        for (var batch = reader.Next(); batch is not null; batch = reader.Next())
        {
            var vm = batch.Vm;
            var gpa = batch.Gpa;
            var kind = batch.Kind;
            var isIo = batch.Io;
            var n = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                if (vm[i] >= selected.Length)
                {
                    throw new TraceInputException(reader.Path, $"row {reader.BatchStartRow + i}",
                        $"expected a VM id below {selected.Length}, found {vm[i]}");
                }

                if (!selected[vm[i]])
                {
                    continue;
                }

                if (isIo[i])
                {
                    io++;
                    continue;
                }

                var key = ((ulong)vm[i] << 48) | (gpa[i] >> TraceFormat.PageShift);
                if (key != lastKey)
                {
                    if (!ids.TryGetValue(key, out lastId))
                    {
                        lastId = ids.Count;
                        if (lastId == int.MaxValue >> 1)
                        {
                            throw new TraceInputException(reader.Path, $"row {reader.BatchStartRow + i}",
                                $"expected at most {int.MaxValue >> 1} distinct pages");
                        }

                        ids.Add(key, lastId);
                    }

                    lastKey = key;
                }

                block[n++] = Entry(lastId, kind[i] == AccessKind.Write);
                if (n == block.Length)
                {
                    output.Write(MemoryMarshal.AsBytes(block.AsSpan()));
                    accesses += n;
                    n = 0;
                }
            }

            output.Write(MemoryMarshal.AsBytes(block.AsSpan(0, n)));
            accesses += n;
            progress?.Report((double)reader.RowsRead / Math.Max(1, reader.RowCount));
        }

        return (ids.Count, accesses, io);
    }
}
