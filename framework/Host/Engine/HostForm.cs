using System.Runtime.InteropServices;
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
/// </remarks>
public sealed class HostForm : IDisposable
{
    private readonly string? _directory;
    private readonly string? _path;
    private readonly uint[]? _entries;

    private HostForm(string? directory, string? path, uint[]? entries, HostPage[] pages, long[][] frames,
        long[] accesses, long[] io)
    {
        _directory = directory;
        _path = path;
        _entries = entries;
        Pages = pages;
        GuestFrames = frames;
        VmAccesses = accesses;
        IoAccesses = io;
    }

    /// <summary>Host page id to VM and VM-local page id.</summary>
    internal HostPage[] Pages { get; }

    /// <summary>For each VM, the guest frame number of each of its dense page ids.</summary>
    internal long[][] GuestFrames { get; }

    /// <summary>RAM accesses of each VM in the stream.</summary>
    public IReadOnlyList<long> VmAccesses { get; }

    /// <summary>Accesses of each VM to device memory, left out of the stream.</summary>
    public IReadOnlyList<long> IoAccesses { get; }

    /// <summary>RAM accesses of all VMs.</summary>
    public long AccessCount => VmAccesses.Sum();

    /// <summary>Distinct pages of each VM.</summary>
    public int PageCount(int vm) => GuestFrames[vm].Length;

    /// <summary>Merges the accesses of <paramref name="sources"/> (VM i is <paramref name="sources"/>[i]) by time.</summary>
    /// <exception cref="TraceInputException">A trace is missing or malformed, or the traces' time units differ.</exception>
    public static HostForm Build(IReadOnlyList<HostFormSource> sources, IProgress<double>? progress = null)
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
                merge.WriteTo(output, progress);
            }

            return new HostForm(directory, path, null, merge.Pages, merge.GuestFrames, merge.Accesses, merge.Io);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// A host form held in memory, for hand-checked scenarios in tests: the accesses in order, each a VM index, a guest
    /// frame number and a write flag.
    /// </summary>
    public static HostForm FromAccesses(int vmCount, ReadOnlySpan<(int Vm, long Gfn, bool Write)> accesses)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vmCount);
        var ids = new Dictionary<(int, long), int>();
        var pages = new List<HostPage>();
        var frames = Enumerable.Range(0, vmCount).Select(_ => new List<long>()).ToArray();
        var counts = new long[vmCount];
        var entries = new uint[accesses.Length];
        for (var i = 0; i < accesses.Length; i++)
        {
            var (vm, gfn, write) = accesses[i];
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(vm, vmCount, nameof(accesses));
            if (!ids.TryGetValue((vm, gfn), out var id))
            {
                id = pages.Count;
                ids.Add((vm, gfn), id);
                pages.Add(new HostPage(vm, frames[vm].Count));
                frames[vm].Add(gfn);
            }

            counts[vm]++;
            entries[i] = ReplayForm.Entry(id, write);
        }

        return new HostForm(null, null, entries, [.. pages], [.. frames.Select(f => f.ToArray())], counts,
            new long[vmCount]);
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
        private readonly List<HostPage> _pages = [];
        private readonly Dictionary<ulong, int>[] _ids;
        private readonly List<long>[] _frames;

        public HostFormMerge(IReadOnlyList<HostFormSource> sources)
        {
            _cursors = new SourceCursor[sources.Count];
            _ids = new Dictionary<ulong, int>[sources.Count];
            _frames = new List<long>[sources.Count];
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
                    _ids[i] = [];
                    _frames[i] = [];
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public HostPage[] Pages => [.. _pages];

        public long[][] GuestFrames => [.. _frames.Select(f => f.ToArray())];

        public long[] Accesses => [.. _cursors.Select(c => c.Accesses)];

        public long[] Io => [.. _cursors.Select(c => c.Io)];

        public void WriteTo(Stream output, IProgress<double>? progress)
        {
            var block = new uint[1 << 16];
            var n = 0;
            var total = Math.Max(1, _cursors.Sum(c => c.RowCount));
            var reported = 0L;
            foreach (var cursor in _cursors)
            {
                cursor.MoveNext();
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
                block[n++] = ReplayForm.Entry(Id(next, cursor.Gfn, cursor), cursor.Write);
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

        private int Id(int vm, long gfn, SourceCursor cursor)
        {
            if (!_ids[vm].TryGetValue((ulong)gfn, out var id))
            {
                id = _pages.Count;
                if (id == int.MaxValue >> 1)
                {
                    throw new TraceInputException(cursor.Path, $"row {cursor.Row}",
                        $"expected at most {int.MaxValue >> 1} distinct pages on the host");
                }

                _ids[vm].Add((ulong)gfn, id);
                _pages.Add(new HostPage(vm, _frames[vm].Count));
                _frames[vm].Add(gfn);
            }

            return id;
        }
    }
}
