using MemFw.Framework.Content.Sharing;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Framework.Tests.Content.Sharing;

/// <summary>
/// The copy-on-write rule against a trace bracketed by snapshots, as the guest-workloads captures are: a crafted
/// trace whose end snapshot differs from its start only in pages the accesses write, some of which are written
/// back with the bytes they had.
/// </summary>
public sealed class WriteRuleTests : IDisposable
{
    private const int Vms = 2;
    private const int PagesPerVm = 48;
    private const int Steps = 400;
    private readonly TempDirectory _temp = new();

    [Fact]
    public void CraftedTrace_ChangedPagesAreWrittenPages()
    {
        var trace = Trace.Open(WriteTrace());
        var written = WrittenPages(trace);
        var start = Snapshot(trace, 0);
        var end = Snapshot(trace, Steps);

        var changed = start.Keys.Where(p => !SameBytes(start[p], end[p])).ToHashSet();

        Assert.Subset(written, changed);
        Assert.NotEmpty(changed);
        Assert.NotEmpty(written.Except(changed));
    }

    [Fact]
    public void SharingSpace_WritesReported_NoPageStaysSharedWhoseNextContentDiffers()
    {
        var trace = Trace.Open(WriteTrace());
        var written = WrittenPages(trace);
        var end = Snapshot(trace, Steps);
        var space = new SharingSpace(new SharingSettings());
        SnapshotLoader.Load(space, trace, 0, readContent: true);
        CraftedPages.MergeAll(space);
        Assert.True(space.Counters.Saved > 0);

        ReplayWrites(trace, space);

        for (var page = 0; page < space.PageCount; page++)
        {
            var key = (space.VmOf(page), space.GfnOf(page));
            if (space.TryGetContent(page, out var content))
            {
                Assert.DoesNotContain(key, written);
                Assert.True(SameBytes(content, end[key]), $"page {key} kept content it no longer has");
            }
        }

        var load = SnapshotLoader.Load(space, trace, Steps, readContent: true);
        Assert.Equal(0, load.SharedChanged);
        Assert.Equal(0, load.Changed);
        Assert.Equal(written.Count, load.Refreshed);
        Assert.Equal((Vms * PagesPerVm) - written.Count, load.Unchanged);
    }

    [Fact]
    public void SharingSpace_WritesNotReported_NextSnapshotFindsChangedSharedPages()
    {
        // The control: without the rule, shared pages hold content they no longer have.
        var trace = Trace.Open(WriteTrace());
        var space = new SharingSpace(new SharingSettings());
        SnapshotLoader.Load(space, trace, 0, readContent: true);
        CraftedPages.MergeAll(space);

        var load = SnapshotLoader.Load(space, trace, Steps, readContent: true);

        Assert.True(load.SharedChanged > 0);
    }

    public void Dispose() => _temp.Dispose();

    private static void ReplayWrites(Trace trace, SharingSpace space)
    {
        foreach (var (vm, gfn) in Writes(trace))
        {
            space.Write(vm, gfn);
        }
    }

    private static HashSet<(int Vm, ulong Gfn)> WrittenPages(Trace trace) => [.. Writes(trace)];

    /// <summary>The page of every write to RAM, in trace order.</summary>
    private static IEnumerable<(int Vm, ulong Gfn)> Writes(Trace trace)
    {
        using var reader = trace.OpenAccesses(AccessColumns.Replay);
        var batch = new AccessBatch();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Kind[i] == AccessKind.Write && !batch.Io[i])
                {
                    yield return (batch.Vm[i], batch.Gpa[i] >> TraceFormat.PageShift);
                }
            }
        }
    }

    private static Dictionary<(int Vm, ulong Gfn), PageContent> Snapshot(Trace trace, long time)
    {
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        var pages = new Dictionary<(int, ulong), PageContent>();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Time[i] == time)
                {
                    pages.Add(
                        (batch.Vm[i], batch.Gfn[i]), new PageContent(batch.Hash[i], batch.Zero[i], batch.Content[i]));
                }
            }
        }

        return pages;
    }

    private static bool SameBytes(PageContent a, PageContent b) =>
        a.IsZero == b.IsZero && a.Bytes.SequenceEqual(b.Bytes);

    /// <summary>
    /// Two VMs of 48 pages of 8 distinct contents (so many duplicates, within and across VMs, and zero pages); 400
    /// steps, each VM one access per step to a random page, a fifth of them writes. A written page ends with new
    /// bytes, except every third written page, which ends with the bytes it started with (written back).
    /// </summary>
    private string WriteTrace()
    {
        var path = _temp.Combine($"written-{Guid.NewGuid():N}.trace");
        var random = new Random(6);
        var start = new byte[Vms, PagesPerVm][];
        for (var vm = 0; vm < Vms; vm++)
        {
            for (var gfn = 0; gfn < PagesPerVm; gfn++)
            {
                start[vm, gfn] = gfn % 8 == 7 ? new byte[4096] : CraftedPages.Bytes(gfn % 8);
            }
        }

        using var writer = new TraceWriter(path, overwrite: false);
        var written = new List<(int Vm, int Gfn)>();
        for (var step = 0; step < Steps; step++)
        {
            for (var vm = 0; vm < Vms; vm++)
            {
                var gfn = random.Next(PagesPerVm);
                var write = random.Next(5) == 0;
                var gpa = ((ulong)gfn << TraceFormat.PageShift) + (ulong)random.Next(4096);
                var kind = write ? AccessKind.Write : AccessKind.Read;
                writer.Accesses.Add(step, (ushort)vm, 0, gpa, gpa, kind, 8, false);
                if (write && !written.Contains((vm, gfn)))
                {
                    written.Add((vm, gfn));
                }
            }
        }

        var end = (byte[,][])start.Clone();
        for (var i = 0; i < written.Count; i++)
        {
            var (vm, gfn) = written[i];
            end[vm, gfn] = i % 3 == 2 ? start[vm, gfn] : CraftedPages.Bytes(5000 + i);
        }

        var pages = writer.StartPages(storeContent: true);
        foreach (var (time, snapshot) in new[] { (0L, start), (Steps, end) })
        {
            for (var vm = 0; vm < Vms; vm++)
            {
                for (var gfn = 0; gfn < PagesPerVm; gfn++)
                {
                    pages.AddPage((ushort)vm, time, (ulong)gfn, snapshot[vm, gfn]);
                }
            }
        }

        writer.Commit(new TraceMetadata
        {
            FormatVersion = TraceFormat.Version,
            TimeUnit = TimeUnit.Ordinal,
            CreatedBy = "MemFw.Framework.Tests",
            Vms = [.. Enumerable.Range(0, Vms).Select(vm => new VmDescriptor
            {
                Id = vm, Name = $"vm{vm}", AddressMode = AddressMode.Translated, RamBytes = PagesPerVm * 4096,
            })],
        });
        return path;
    }
}
