using MemFw.Framework.Content.Patching;
using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Analysis;

/// <summary>
/// The pages of every VM at one snapshot time, reduced to the machine frames full-page sharing leaves: the unit
/// <see cref="PageContentAnalysis"/> computes its figures from.
/// </summary>
/// <remarks>
/// Two pages hold the same content when their hashes are equal and, where both pages' bytes are stored, their bytes
/// are too; where either lacks its bytes (hash-only traces), equal XXH3-64 hashes stand in for the comparison. Pages
/// must be added VM by VM (the table's order), so that a VM's distinct contents are counted in one pass.
/// </remarks>
internal sealed class HostSnapshot
{
    private readonly IReadOnlyList<VmDescriptor> _vms;
    private readonly Tally[] _tallies;

    /// <summary>The first frame of each hash; more frames of a hash (collisions) chain through _nextSameHash.</summary>
    private readonly Dictionary<ulong, int> _firstOfHash = [];

    private readonly List<byte[]?> _contents = [];
    private readonly List<int> _pages = [];
    private readonly List<int> _owner = [];

    /// <summary>The VM that last added a page of each frame, to count each VM's distinct contents once.</summary>
    private readonly List<int> _lastVm = [];

    private readonly List<int> _nextSameHash = [];

    /// <summary>The frames of each VM's distinct non-zero contents.</summary>
    private readonly List<int>[] _framesOf;
    private bool _hasAllContent = true;

    /// <summary>Starts the snapshot at <paramref name="time"/> of a host running <paramref name="vms"/>.</summary>
    public HostSnapshot(long time, IReadOnlyList<VmDescriptor> vms)
    {
        Time = time;
        _vms = vms;
        _tallies = [.. vms.Select(_ => new Tally())];
        _framesOf = [.. vms.Select(_ => new List<int>())];
    }

    /// <summary>The snapshot time.</summary>
    public long Time { get; }

    /// <summary>Whether no page was added.</summary>
    public bool IsEmpty => _tallies.All(t => t.Pages == 0);

    /// <summary>Adds one page of VM <paramref name="vm"/>.</summary>
    public void Add(int vm, ulong hash, bool zero, byte[]? content)
    {
        var tally = _tallies[vm];
        tally.Pages++;
        if (zero)
        {
            tally.Zero++;
            return;
        }

        _hasAllContent &= content is not null;
        var frame = Find(hash, content);
        if (frame < 0)
        {
            frame = _contents.Count;
            _nextSameHash.Add(_firstOfHash.TryGetValue(hash, out var first) ? first : -1);
            _firstOfHash[hash] = frame;
            _contents.Add(content);
            _pages.Add(0);
            _owner.Add(vm);
            _lastVm.Add(-1);
            tally.Owned++;
        }

        _pages[frame]++;
        if (_lastVm[frame] != vm)
        {
            _lastVm[frame] = vm;
            _framesOf[vm].Add(frame);
            tally.Distinct++;
        }
    }

    /// <summary>The figures of each VM with pages and of the host, patching with <paramref name="planner"/> when
    /// every non-zero page's bytes are known, and measuring <paramref name="codecs"/> on the distinct contents.</summary>
    public SnapshotFigures Figures(PatchPlanner planner, IReadOnlyList<NamedCodec> codecs)
    {
        var compressed = _hasAllContent && _contents.Count > 0
            ? codecs.Select(c => CompressedLengths(c.Codec)).ToList()
            : null;
        List<int>[]? sizes = null;
        if (_hasAllContent)
        {
            sizes = [.. _vms.Select(_ => new List<int>())];
            var frames = _contents.Select((c, i) => new FrameContent(c!, _pages[i])).ToList();
            foreach (var patched in planner.Plan(frames))
            {
                sizes[_owner[patched.Frame]].Add(patched.Patch.Length);
            }
        }

        var present = Enumerable.Range(0, _vms.Count).Where(v => _tallies[v].Pages > 0).ToList();
        var host = new Tally
        {
            Pages = present.Sum(v => _tallies[v].Pages),
            Zero = present.Sum(v => _tallies[v].Zero),
            Distinct = present.Sum(v => _tallies[v].Distinct),
            Owned = _contents.Count,
        };
        return new SnapshotFigures
        {
            Time = Time,
            Vms = [.. present.Select(v => Figures(_vms[v].Name, _tallies[v], sizes?[v]) with
            {
                CompressionRatios = Ratios(codecs, compressed, _framesOf[v]),
            })],
            Host = Figures(null, host, sizes?.SelectMany(s => s).ToList()) with
            {
                CompressionRatios = Ratios(codecs, compressed, Enumerable.Range(0, _contents.Count).ToList()),
            },
        };
    }

    /// <summary>The compressed length of every frame's content with <paramref name="codec"/>.</summary>
    private int[] CompressedLengths(Compression.ICompressionCodec codec)
    {
        var buffer = new byte[codec.MaxCompressedLength(TraceFormat.PageSize)];
        return [.. _contents.Select(c => codec.Compress(c!, buffer))];
    }

    /// <summary>Each codec's ratio over <paramref name="frames"/>: null without bytes or frames.</summary>
    private static Dictionary<string, double?> Ratios(IReadOnlyList<NamedCodec> codecs, List<int[]>? compressed,
        List<int> frames)
    {
        var ratios = new Dictionary<string, double?>();
        for (var c = 0; c < codecs.Count; c++)
        {
            long output = 0;
            if (compressed is not null)
            {
                foreach (var frame in frames)
                {
                    output += compressed[c][frame];
                }
            }

            ratios[codecs[c].Name] = output == 0 ? null : (double)frames.Count * TraceFormat.PageSize / output;
        }

        return ratios;
    }

    private int Find(ulong hash, byte[]? content)
    {
        if (!_firstOfHash.TryGetValue(hash, out var frame))
        {
            return -1;
        }

        for (; frame >= 0; frame = _nextSameHash[frame])
        {
            if (content is null || _contents[frame] is not { } stored || stored.AsSpan().SequenceEqual(content))
            {
                return frame;
            }
        }

        return -1;
    }

    private static ContentFigures Figures(string? vm, Tally tally, List<int>? patches)
    {
        long? bytes = patches?.Sum(p => (long)p);
        return new ContentFigures
        {
            Vm = vm,
            Pages = tally.Pages,
            ZeroPages = tally.Zero,
            SharedWithinVm = tally.Pages - tally.Zero - tally.Distinct,
            SharedAcrossVms = tally.Distinct - tally.Owned,
            Frames = tally.Owned,
            PatchedPages = patches?.Count,
            PatchBytes = bytes,
            MeanPatchBytes = patches is null ? null : patches.Count == 0 ? 0 : (double)bytes!.Value / patches.Count,
            MedianPatchBytes = patches is null ? null : Median(patches),
            FramesWithPatching = patches is null ? null
                : tally.Owned - patches.Count + (bytes!.Value + TraceFormat.PageSize - 1) / TraceFormat.PageSize,
        };
    }

    private static double Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>Running counts of one VM's pages at this time (or the host's sums).</summary>
    private sealed class Tally
    {
        public long Pages { get; set; }

        public long Zero { get; set; }

        /// <summary>Distinct non-zero contents the VM holds.</summary>
        public long Distinct { get; set; }

        /// <summary>Distinct contents no VM of lower id holds: the frames charged to this VM.</summary>
        public long Owned { get; set; }
    }
}
