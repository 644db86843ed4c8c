using MemFw.Cli.Tests;
using MemFw.Framework.Content.Sharing;
using MemFw.Traces.Format;

namespace MemFw.Framework.Tests.Content.Sharing;

/// <summary>
/// Snapshots of the real sample traces loaded into spaces, against counts made directly from the page rows with LINQ
/// and against the figures of <c>traces/samples/README.md</c>.
/// </summary>
public sealed class SnapshotLoaderTests
{
    private static readonly Lazy<List<Row>> s_guestRam = new(() => ReadRows("guest-ram.trace", readContent: false));

    [Fact]
    public void Times_GuestRam_ThreeSnapshotTimes()
    {
        Assert.Equal([0L, 20, 40], SnapshotLoader.Times(Trace.Open(RepositoryPaths.Sample("guest-ram.trace"))));
        Assert.Empty(SnapshotLoader.Times(Trace.Open(RepositoryPaths.Sample("linux-guest.trace"))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(40)]
    public void IdealSharing_GuestRam_EqualsLinqCountOfDuplicateHashes(long time)
    {
        var trace = Trace.Open(RepositoryPaths.Sample("guest-ram.trace"));
        var rows = s_guestRam.Value.Where(r => r.Time == time).ToList();
        var across = new SharingSpace(new SharingSettings());
        var within = new SharingSpace(new SharingSettings { Salting = true });
        var withinZero = new SharingSpace(new SharingSettings { Salting = true, ZeroPageSharing = true });

        Assert.Equal(rows.Count, SnapshotLoader.Load(across, trace, time, readContent: false).Added);
        for (var page = 0; page < across.PageCount; page++)
        {
            across.TryGetContent(page, out var content);
            within.SetContent(across.VmOf(page), across.GfnOf(page), content);
            withinZero.SetContent(across.VmOf(page), across.GfnOf(page), content);
        }

        var zero = rows.Count(r => r.Zero);
        var withinVm = rows.GroupBy(r => r.Vm).Sum(vm => vm.Count() - vm.Select(r => r.Hash).Distinct().Count());
        var nonZeroWithinVm = rows.Where(r => !r.Zero).GroupBy(r => r.Vm)
            .Sum(vm => vm.Count() - vm.Select(r => r.Hash).Distinct().Count());
        Assert.Equal(rows.Count - rows.Select(r => r.Hash).Distinct().Count(), IdealSharing.Counters(across).Saved);
        Assert.Equal(withinVm, IdealSharing.Counters(within).Saved);
        Assert.Equal(zero - 1 + nonZeroWithinVm, IdealSharing.Counters(withinZero).Saved);
        Assert.Equal(zero, IdealSharing.Counters(across).ZeroPages);
        Assert.Equal(zero, IdealSharing.Counters(within).ZeroPages);
        Assert.Equal(zero, withinZero.Counters.ZeroPages);
        Assert.Equal(zero - 1, withinZero.Counters.Saved);
    }

    [Theory]
    [InlineData(0, 0, 15_328, 3_000)]
    [InlineData(1, 0, 15_582, 3_265)]
    [InlineData(2, 0, 15_310, 2_987)]
    [InlineData(0, 20, 15_330, 2_999)]
    [InlineData(1, 20, 15_587, 3_147)]
    [InlineData(2, 20, 15_325, 2_999)]
    [InlineData(0, 40, 15_326, 3_000)]
    [InlineData(1, 40, 15_587, 3_064)]
    [InlineData(2, 40, 15_328, 2_997)]
    public void Load_OneVmOfGuestRam_IdealMatchesTheSamplesReadme(int vm, long time, int zero, int duplicate)
    {
        // README: "duplicate" = non-zero pages minus distinct non-zero hashes within the snapshot.
        var space = new SharingSpace(new SharingSettings());

        var load = SnapshotLoader.Load(space, Trace.Open(RepositoryPaths.Sample("guest-ram.trace")), time, false, vm);

        Assert.Equal(32_768, load.Pages);
        var ideal = IdealSharing.Counters(space);
        Assert.Equal(zero, ideal.ZeroPages);
        Assert.Equal(zero - 1 + duplicate, ideal.Saved);
    }

    [Fact]
    public void Load_SameSnapshotTwice_EveryPageUnchanged()
    {
        var trace = Trace.Open(RepositoryPaths.Sample("guest-ram.trace"));
        var space = new SharingSpace(new SharingSettings());
        SnapshotLoader.Load(space, trace, 20, readContent: false, vm: 2);

        var again = SnapshotLoader.Load(space, trace, 20, readContent: false, vm: 2);

        Assert.Equal(new SnapshotLoad(0, 32_768, 0, 0, 0), again);
        Assert.Equal(default, SnapshotLoader.Load(space, trace, 7, readContent: false));
    }

    [Fact]
    public void Load_NextSnapshot_ChangedPagesCountedAgainstTheRows()
    {
        var trace = Trace.Open(RepositoryPaths.Sample("guest-ram.trace"));
        var space = new SharingSpace(new SharingSettings());
        SnapshotLoader.Load(space, trace, 0, readContent: false, vm: 0);

        var load = SnapshotLoader.Load(space, trace, 20, readContent: false, vm: 0);

        var before = s_guestRam.Value.Where(r => r.Vm == 0 && r.Time == 0).ToDictionary(r => r.Gfn, r => r.Hash);
        var changed = s_guestRam.Value.Count(r => r.Vm == 0 && r.Time == 20 && before[r.Gfn] != r.Hash);
        Assert.True(changed > 0);
        Assert.Equal(changed, load.Changed);
        Assert.Equal(32_768 - changed, load.Unchanged);
    }

    [Fact]
    public void Load_ContentTrace_BytesKeptPerPageAndFullCompareMatchesTheHashes()
    {
        // guest-ram-content: 1,024 pages per snapshot, 148 zero and 373 duplicate (README), stored bytes.
        var trace = Trace.Open(RepositoryPaths.Sample("guest-ram-content.trace"));
        var rows = ReadRows("guest-ram-content.trace", readContent: true).Where(r => r.Time == 40).ToList();
        var space = new SharingSpace(new SharingSettings { Salting = true });

        SnapshotLoader.Load(space, trace, 40, readContent: true);

        for (var page = 0; page < space.PageCount; page++)
        {
            space.TryGetContent(page, out var content);
            Assert.Equal(!content.IsZero, content.HasBytes);
            Assert.True(content.IsZero || PageHash.Compute(content.Bytes) == content.Hash);
        }

        var byBytes = rows.GroupBy(r => r.Vm)
            .Sum(vm => vm.Count()
                - vm.Select(r => r.Zero ? "zero" : Convert.ToHexString(r.Content!)).Distinct().Count());
        Assert.Equal(byBytes, IdealSharing.Counters(space).Saved);
        Assert.Equal(3 * (148 - 1 + 373), byBytes);
    }

    private static List<Row> ReadRows(string sample, bool readContent)
    {
        using var reader = Trace.Open(RepositoryPaths.Sample(sample)).OpenPages(readContent);
        var batch = new PageBatch();
        var rows = new List<Row>();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                rows.Add(new Row(
                    batch.Vm[i], batch.Time[i], batch.Gfn[i], batch.Hash[i], batch.Zero[i], batch.Content[i]));
            }
        }

        return rows;
    }

    private sealed record Row(int Vm, long Time, ulong Gfn, ulong Hash, bool Zero, byte[]? Content);
}
