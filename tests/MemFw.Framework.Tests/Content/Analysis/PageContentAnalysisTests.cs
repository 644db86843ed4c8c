using MemFw.Framework.Content.Analysis;
using MemFw.Framework.Content.Patching;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Framework.Tests.Content.Analysis;

/// <summary>
/// <see cref="PageContentAnalysis"/> on crafted snapshots of three VMs at two times, against figures the test computes
/// by a simpler method: set operations on the pages' bytes for sharing, and the planner's documented rules applied
/// to the crafted near-copies for patching. Broken tables fail naming the file and row.
/// </summary>
public sealed class PageContentAnalysisTests : IDisposable
{
    private const int PageSize = CraftedPages.PageSize;
    private const int EditedBytes = 3;
    private static readonly string[] s_vms = ["a", "b", "c"];
    private static readonly long[] s_times = [0, 7];

    private readonly TempDirectory _temp = new();
    private readonly List<PageRow> _rows;

    /// <summary>The near-copy pairs: (time, first half's vm and gfn, second half's, whether the first is also at
    /// vm 2 with the same gfn, making it shared).</summary>
    private readonly List<(long Time, (int Vm, ulong Gfn) First, (int Vm, ulong Gfn) Second, bool SharedFirst)> _pairs =
    [
        (0, (0, 100), (1, 200), false),
        (0, (1, 101), (2, 201), false),
        (0, (2, 102), (0, 202), false),
        (0, (1, 103), (1, 203), false),
        (0, (0, 106), (1, 206), true),
        (7, (2, 100), (0, 200), false),
        (7, (1, 104), (1, 204), false),
    ];

    /// <summary>Where near-copies differ from their originals: past byte 1000, outside the default index's sampled
    /// blocks.</summary>
    private readonly int _editAt;

    public PageContentAnalysisTests()
    {
        var offsets = new SimilarityIndex(new SimilarityOptions()).BlockOffsets;
        _editAt = Enumerable.Range(1000, PageSize - 1000 - EditedBytes)
            .First(at => offsets.All(o => at + EditedBytes <= o || at >= o + SimilarityIndex.BlockSize));
        _rows = Crafted();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Analyze_CraftedSnapshots_CountsAsSetOperationsOnTheBytes()
    {
        var report = Analyze(Write(_rows));

        Assert.Equal(s_times, report.Snapshots.Select(s => s.Time));
        foreach (var snapshot in report.Snapshots)
        {
            var rows = _rows.Where(r => r.Time == snapshot.Time).ToList();
            var expected = ExpectedSharing(rows);
            Assert.Equal(expected.Vms, snapshot.Vms.Select(Sharing));
            Assert.Equal(expected.Host, Sharing(snapshot.Host));
            var f = snapshot.Host;
            Assert.Equal(f.Pages, f.ZeroPages + f.SharedWithinVm + f.SharedAcrossVms + f.Frames);
        }
    }

    [Fact]
    public void Analyze_CraftedNearCopies_PatchesOneOfEachPairWithThePatchSizeOfTheFormat()
    {
        var report = Analyze(Write(_rows));

        foreach (var snapshot in report.Snapshots)
        {
            var patchedBy = ExpectedPatchedVms(snapshot.Time);
            var size = ExpectedPatchSize();
            for (var vm = 0; vm < s_vms.Length; vm++)
            {
                var figures = snapshot.Vms[vm];
                var count = patchedBy.Count(v => v == vm);
                Assert.Equal((long?)count, figures.PatchedPages);
                Assert.Equal(count * size, figures.PatchBytes);
                Assert.Equal(count == 0 ? 0.0 : size, figures.MedianPatchBytes);
                Assert.Equal(figures.Frames - count + (count == 0 ? 0 : 1), figures.FramesWithPatching);
            }

            Assert.Equal((long?)patchedBy.Count, snapshot.Host.PatchedPages);
            Assert.Equal((double)size, snapshot.Host.MeanPatchBytes);
            Assert.Equal(snapshot.Host.Frames - patchedBy.Count + 1, snapshot.Host.FramesWithPatching);
            Assert.Equal(1 - (double)snapshot.Host.FramesWithPatching!.Value / snapshot.Host.Pages,
                snapshot.Host.Saving);
        }
    }

    [Fact]
    public void Analyze_HashOnlyTrace_CountsTheSameSharingAndNoPatches()
    {
        var withBytes = Analyze(Write(_rows));

        var hashOnly = Analyze(Write(_rows, storeContent: false));

        Assert.Equal(withBytes.Snapshots.SelectMany(s => s.Vms.Append(s.Host)).Select(Sharing),
            hashOnly.Snapshots.SelectMany(s => s.Vms.Append(s.Host)).Select(Sharing));
        Assert.All(hashOnly.Snapshots.SelectMany(s => s.Vms.Append(s.Host)), f =>
        {
            Assert.Null(f.PatchedPages);
            Assert.Null(f.MeanPatchBytes);
            Assert.Null(f.FramesWithPatching);
            Assert.Equal(1 - (double)f.Frames / f.Pages, f.Saving);
        });
    }

    [Fact]
    public void Analyze_OneVm_CountsItAloneOnTheHost()
    {
        var report = Analyze(Write(_rows), new ContentAnalysisOptions { Vm = 1 });

        foreach (var snapshot in report.Snapshots)
        {
            var rows = _rows.Where(r => r.Time == snapshot.Time && r.Vm == 1).ToList();
            var figures = Assert.Single(snapshot.Vms);
            Assert.Equal("b", figures.Vm);
            Assert.Equal(ExpectedSharing(rows).Host, Sharing(figures));
            Assert.Equal(0, figures.SharedAcrossVms);
            var withinB = _pairs.Count(p => p.Time == snapshot.Time && p.First.Vm == 1 && p.Second.Vm == 1);
            Assert.Equal((long?)withinB, figures.PatchedPages);
        }
    }

    [Fact]
    public void Analyze_ContentOfWrongSize_FailsNamingFileAndRow()
    {
        var r = _rows.FindIndex(p => p.Content is not null);
        _rows[r] = _rows[r] with { Content = _rows[r].Content![..(PageSize - 1)] };

        var e = AnalyzeFails(r);

        Assert.Equal($"expected 4096 content bytes, found {PageSize - 1}", e.Problem);
    }

    [Fact]
    public void Analyze_HashNotOfTheContent_FailsNamingFileAndRow()
    {
        var r = _rows.FindLastIndex(p => p.Content is not null);
        var wrong = _rows[r].Hash + 1;
        _rows[r] = _rows[r] with { Hash = wrong };

        var e = AnalyzeFails(r);

        Assert.Equal($"expected hash 0x{wrong - 1:X16} of the stored content, found 0x{wrong:X16}", e.Problem);
    }

    [Fact]
    public void Analyze_SnapshotsOutOfTimeOrder_FailsAtTheFirstRowThatGoesBack()
    {
        var later = _rows.Where(p => p.Time == 7).ToList();
        var reordered = later.Concat(_rows.Where(p => p.Time == 0)).ToList();
        _rows.Clear();
        _rows.AddRange(reordered);

        var e = AnalyzeFails(later.Count);

        Assert.StartsWith("expected rows sorted by (time, vm, gfn) without repeats, "
            + "found (time 0, vm 0, gfn 0) after (time 7", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TraceWithoutPageTable_FailsNamingTheFile()
    {
        var path = _temp.Combine("no-pages");
        using (var writer = new TraceWriter(path, overwrite: false))
        {
            writer.Commit(new TraceMetadata
            {
                FormatVersion = TraceFormat.Version,
                TimeUnit = TimeUnit.Ordinal,
                CreatedBy = "tests",
                Vms = [new VmDescriptor { Id = 0, Name = "a", AddressMode = AddressMode.Translated }],
            });
        }

        var e = Assert.Throws<TraceInputException>(() => Analyze(path));

        Assert.Equal(Path.Combine(path, TraceFormat.PagesFile), e.File);
    }

    private TraceInputException AnalyzeFails(int row)
    {
        var path = Write(_rows);
        var e = Assert.Throws<TraceInputException>(() => Analyze(path));
        Assert.Equal(Path.Combine(path, TraceFormat.PagesFile), e.File);
        Assert.Equal($"row {row}", e.Location);
        return e;
    }

    private static PageContentReport Analyze(string path, ContentAnalysisOptions? options = null) =>
        PageContentAnalysis.Analyze(Trace.Open(path), options ?? new ContentAnalysisOptions());

    private string Write(List<PageRow> rows, bool storeContent = true) =>
        PageTraces.Write(_temp.Combine($"crafted-{Guid.NewGuid():N}"), s_vms, rows, storeContent);

    private static (long Pages, long Zero, long Within, long Across, long Frames) Sharing(ContentFigures f) =>
        (f.Pages, f.ZeroPages, f.SharedWithinVm, f.SharedAcrossVms, f.Frames);

    /// <summary>
    /// Sharing figures by set operations on the bytes: a VM's duplicates are its non-zero pages minus its distinct
    /// non-zero contents; a content shared across VMs counts for each VM holding it but the one of lowest id.
    /// </summary>
    private static (List<(long, long, long, long, long)> Vms, (long, long, long, long, long) Host) ExpectedSharing(
        List<PageRow> rows)
    {
        var vms = rows.Select(r => (int)r.Vm).Distinct().Order().ToList();
        var distinct = vms.ToDictionary(v => v, v => rows.Where(r => r.Vm == v && !r.Zero)
            .Select(r => Convert.ToHexString(r.Content!)).ToHashSet());
        var perVm = vms.Select(v =>
        {
            var mine = rows.Where(r => r.Vm == v).ToList();
            var nonZero = mine.Count(r => !r.Zero);
            var across = distinct[v].Count(c => vms.Any(w => w < v && distinct[w].Contains(c)));
            return ((long)mine.Count, (long)mine.Count(r => r.Zero), (long)(nonZero - distinct[v].Count), (long)across,
                (long)(distinct[v].Count - across));
        }).ToList();
        var hostDistinct = distinct.Values.SelectMany(d => d).Distinct().Count();
        return (perVm, (perVm.Sum(v => v.Item1), perVm.Sum(v => v.Item2), perVm.Sum(v => v.Item3),
            perVm.Sum(v => v.Item4), hostDistinct));
    }

    /// <summary>
    /// The VM charged with each patch at <paramref name="time"/>, by the planner's rules: of a pair of unique pages,
    /// the first in (vm, gfn) order is patched against the second; of a shared page and a unique one, the unique one.
    /// </summary>
    private List<int> ExpectedPatchedVms(long time) =>
    [
        .. _pairs.Where(p => p.Time == time).Select(p => p.SharedFirst || p.Second.CompareTo(p.First) < 0
            ? p.Second.Vm
            : p.First.Vm),
    ];

    /// <summary>COPY(0, e), ADD(3 bytes), COPY(e + 3, rest), e the edit's offset, in the documented format.</summary>
    private long ExpectedPatchSize()
    {
        static int Varint(int value) => value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : 3;
        var rest = PageSize - _editAt - EditedBytes;
        return Varint((_editAt << 1) | 1) + Varint(0) + Varint(EditedBytes << 1) + EditedBytes
            + Varint((rest << 1) | 1) + Varint(_editAt + EditedBytes);
    }

    /// <summary>
    /// 48 pages per VM and time drawn from zero pages, two fill patterns, a pool of pages the VMs share and unique
    /// random pages, plus the near-copy pairs of <see cref="_pairs"/>; sorted by (time, vm, gfn).
    /// </summary>
    private List<PageRow> Crafted()
    {
        var random = new Random(17);
        var pool = Enumerable.Range(0, 6).Select(i => CraftedPages.Random(1000 + i)).ToArray();
        var pages = new SortedDictionary<(long Time, int Vm, ulong Gfn), byte[]>();
        foreach (var time in s_times)
        {
            for (var vm = 0; vm < s_vms.Length; vm++)
            {
                for (ulong gfn = 0; gfn < 48; gfn++)
                {
                    pages[(time, vm, gfn)] = random.Next(5) switch
                    {
                        0 => new byte[PageSize],
                        1 => Enumerable.Repeat((byte)0xCC, PageSize).ToArray(),
                        2 => Enumerable.Repeat((byte)(0x11 * (1 + vm)), PageSize).ToArray(),
                        3 => pool[random.Next(pool.Length)],
                        _ => CraftedPages.Random(random.Next()),
                    };
                }
            }
        }

        for (var j = 0; j < _pairs.Count; j++)
        {
            var (time, first, second, sharedFirst) = _pairs[j];
            var original = CraftedPages.Random(2000 + j);
            var copy = CraftedPages.Edited(original, _editAt, EditedBytes);

            pages[(time, first.Vm, first.Gfn)] = original;
            pages[(time, second.Vm, second.Gfn)] = copy;
            if (sharedFirst)
            {
                pages[(time, 2, first.Gfn)] = original;
            }
        }

        return [.. pages.Select(p => PageTraces.Row(p.Key.Vm, p.Key.Time, p.Key.Gfn, p.Value))];
    }
}
