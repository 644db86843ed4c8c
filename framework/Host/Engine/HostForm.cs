using System.Runtime.InteropServices;
using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Replay;
using MemFw.Traces.Format;

namespace MemFw.Framework.Host.Engine;

/// <summary>
/// The replay form of a multi-VM host: the RAM accesses of every VM merged into one stream by time, each entry
/// <c>(host page id &lt;&lt; 1) | write</c>, with each VM's guest frames mapped once to dense ids. Derived once per command
/// and streamed from a temporary file, so memory grows with distinct pages, not with accesses.
/// </summary>
/// <remarks>
/// VMs are merged by their trace's time values, ties going to the VM listed first. The importers write clockless
/// traces with each VM's ordinal as its time (traces/FORMAT.md), so access i of every VM falls in round i: the VMs
/// run side by side at the same access rate, whichever trace each comes from. Traces whose time units differ cannot
/// be merged and are refused. Several VMs may replay the same trace VM; each is a separate guest.
/// <para>
/// Each VM's first page snapshot, when it is taken at or before the VM's first access, gives the start content of its
/// pages (<see cref="Contents"/>). With <c>preload</c>, the stream starts with one read of every page that snapshot
/// shows, VM after VM in guest frame order (<see cref="PreloadAccesses"/> entries): loading the VMs' memory before the
/// trace's first access.
/// </para>
/// </remarks>
public sealed class HostForm : IDisposable
{
    private readonly string? _directory;
    private readonly string? _path;
    private readonly uint[]? _entries;

    private HostForm(string? directory, string? path, uint[]? entries, HostPage[] pages, long[][] frames,
        long[] accesses, long[] io, PageContent?[][] contents, long preload)
    {
        _directory = directory;
        _path = path;
        _entries = entries;
        Pages = pages;
        GuestFrames = frames;
        VmAccesses = accesses;
        IoAccesses = io;
        Contents = contents;
        PreloadAccesses = preload;
    }

    /// <summary>Host page id to VM and VM-local page id.</summary>
    internal HostPage[] Pages { get; }

    /// <summary>For each VM, the guest frame number of each of its dense page ids.</summary>
    internal long[][] GuestFrames { get; }

    /// <summary>
    /// For each VM, the start content of each of its dense page ids (from its first snapshot), or null where the
    /// snapshot does not show the page or the VM has none.
    /// </summary>
    internal PageContent?[][] Contents { get; }

    /// <summary>Entries at the start of the stream that load the VMs' snapshot memory (not trace accesses).</summary>
    public long PreloadAccesses { get; }

    /// <summary>RAM accesses of each VM in the stream (the trace's, not counting the preload).</summary>
    public IReadOnlyList<long> VmAccesses { get; }

    /// <summary>Accesses of each VM to device memory, left out of the stream.</summary>
    public IReadOnlyList<long> IoAccesses { get; }

    /// <summary>RAM accesses of all VMs.</summary>
    public long AccessCount => VmAccesses.Sum();

    /// <summary>Distinct pages of each VM.</summary>
    public int PageCount(int vm) => GuestFrames[vm].Length;

    /// <summary>Merges the accesses of <paramref name="sources"/> (VM i is <paramref name="sources"/>[i]) by time.</summary>
    /// <param name="sources">The VMs.</param>
    /// <param name="preload">Whether the stream starts by loading each VM's start snapshot (see the remarks).</param>
    /// <param name="progress">Reports the fraction of access rows read.</param>
    /// <exception cref="TraceInputException">A trace is missing or malformed, or the traces' time units differ.</exception>
    public static HostForm Build(IReadOnlyList<HostFormSource> sources, bool preload = false,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfZero(sources.Count);
        var directory = Directory.CreateTempSubdirectory("memfw-host-").FullName;
        try
        {
            var path = Path.Combine(directory, "accesses.bin");
            using var merge = new HostFormMerge(sources);
            using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16))
            {
                merge.WriteTo(output, preload, progress);
            }

            return new HostForm(directory, path, null, merge.Pages, merge.GuestFrames, merge.Accesses, merge.Io,
                merge.Contents, merge.Preloaded);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// A host form held in memory, for hand-checked scenarios in tests: the accesses in order, each a VM index, a guest
    /// frame number and a write flag; optionally each VM's start snapshot, preloaded or not.
    /// </summary>
    internal static HostForm FromAccesses(int vmCount, ReadOnlySpan<(int Vm, long Gfn, bool Write)> accesses,
        IReadOnlyList<StartSnapshot?>? snapshots = null, bool preload = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vmCount);
        var ids = new PageIds(vmCount);
        var entries = new List<uint>(accesses.Length);
        var counts = new long[vmCount];
        if (preload && snapshots is not null)
        {
            ids.Preload(snapshots, entries.Add);
        }

        foreach (var (vm, gfn, write) in accesses)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(vm, vmCount, nameof(accesses));
            counts[vm]++;
            entries.Add(ReplayForm.Entry(ids.Id(vm, gfn), write));
        }

        return new HostForm(null, null, [.. entries], ids.Pages, ids.GuestFrames, counts, new long[vmCount],
            ids.ContentsOf(snapshots ?? new StartSnapshot?[vmCount]), entries.Count - accesses.Length);
    }

    /// <summary>Opens a sequential reader of the entries.</summary>
    public ReplayFormReader OpenReader() =>
        _entries is not null ? new ReplayFormReader(_entries) : new ReplayFormReader(_path!);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The k-way merge of the sources' readers, assigning dense ids as pages first appear.</summary>
    private sealed class HostFormMerge : IDisposable
    {
        private readonly SourceCursor[] _cursors;
        private readonly StartSnapshot?[] _snapshots;
        private readonly PageIds _ids;

        public HostFormMerge(IReadOnlyList<HostFormSource> sources)
        {
            _cursors = new SourceCursor[sources.Count];
            _snapshots = new StartSnapshot?[sources.Count];
            _ids = new PageIds(sources.Count);
            TimeUnit? unit = null;
            string? unitTrace = null;
            try
            {
                for (var i = 0; i < sources.Count; i++)
                {
                    var trace = Trace.Open(sources[i].TracePath);
                    if (unit is { } u && u != trace.Metadata.TimeUnit)
                    {
                        throw new TraceInputException(trace.Path, "metadata.json",
                            $"expected time unit {u} as in {unitTrace}, found {trace.Metadata.TimeUnit}: VMs of "
                            + "traces with different time units cannot be interleaved");
                    }

                    unit = trace.Metadata.TimeUnit;
                    unitTrace = trace.Path;
                    _cursors[i] = new SourceCursor(trace, sources[i].TraceVmId);
                    _snapshots[i] = StartSnapshot.Read(trace, sources[i].TraceVmId);
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public HostPage[] Pages => _ids.Pages;

        public long[][] GuestFrames => _ids.GuestFrames;

        public PageContent?[][] Contents => _ids.ContentsOf(_snapshots);

        public long Preloaded { get; private set; }

        public long[] Accesses => [.. _cursors.Select(c => c.Accesses)];

        public long[] Io => [.. _cursors.Select(c => c.Io)];

        public void WriteTo(Stream output, bool preload, IProgress<double>? progress)
        {
            var block = new uint[1 << 16];
            var n = 0;
            var total = Math.Max(1, _cursors.Sum(c => c.RowCount));
            var reported = 0L;
            for (var i = 0; i < _cursors.Length; i++)
            {
                // A snapshot taken after the VM's first access does not show its start.
                if (_cursors[i].MoveNext() && _snapshots[i]?.Time > _cursors[i].Time)
                {
                    _snapshots[i] = null;
                }
            }

            if (preload)
            {
                var entries = new List<uint>();
                _ids.Preload(_snapshots, entries.Add);
                Preloaded = entries.Count;
                output.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(entries)));
            }

            while (true)
            {
                var next = -1;
                for (var i = 0; i < _cursors.Length; i++)
                {
                    if (_cursors[i].HasCurrent && (next < 0 || _cursors[i].Time < _cursors[next].Time))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                var cursor = _cursors[next];
                block[n++] = ReplayForm.Entry(Id(next, cursor), cursor.Write);
                if (n == block.Length)
                {
                    output.Write(MemoryMarshal.AsBytes(block.AsSpan()));
                    n = 0;
                    var read = _cursors.Sum(c => c.RowsRead);
                    if (read - reported > 1 << 20)
                    {
                        progress?.Report((double)read / total);
                        reported = read;
                    }
                }

                cursor.MoveNext();
            }

            output.Write(MemoryMarshal.AsBytes(block.AsSpan(0, n)));
            progress?.Report(1);
        }

        public void Dispose()
        {
            foreach (var cursor in _cursors)
            {
                cursor?.Dispose();
            }
        }

        private int Id(int vm, SourceCursor cursor) =>
            _ids.Count < PageIds.MaxPages || _ids.Contains(vm, cursor.Gfn)
                ? _ids.Id(vm, cursor.Gfn)
                : throw new TraceInputException(cursor.Path, $"row {cursor.Row}",
                    $"expected at most {PageIds.MaxPages} distinct pages on the host");
    }
}
