using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Inspection;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Inspection;

public sealed class TraceSlicerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(777)]
    [InlineData(4000)]
    [InlineData(5000)]
    public void Slice_Head_KeepsExactlyTheFirstRows(int n)
    {
        var source = TwoQemuVms();
        var rows = TraceFiles.ReadAccesses(source.Path);
        var output = _temp.Combine("head");

        var (accesses, pages) = TraceSlicer.Slice(source, output, new SliceOptions { RowStart = 0, RowEnd = n });

        Assert.Equal(Math.Min(n, rows.Count), accesses);
        Assert.Equal(0, pages);
        Assert.Equal(rows.Take(n), TraceFiles.ReadAccesses(output));
        AssertValid(output);
        Assert.Equal(source.Metadata.Vms.Select(Describe), Trace.Open(output).Metadata.Vms.Select(Describe));
    }

    [Fact]
    public void Slice_RowRange_KeepsThoseRows()
    {
        var source = TwoQemuVms();
        var rows = TraceFiles.ReadAccesses(source.Path);
        var output = _temp.Combine("rows");

        TraceSlicer.Slice(source, output, new SliceOptions { RowStart = 123, RowEnd = 2345 });

        Assert.Equal(rows[123..2345], TraceFiles.ReadAccesses(output));
        AssertValid(output);
    }

    [Theory]
    [InlineData(500L, 900L)]
    [InlineData(null, 10L)]
    [InlineData(1990L, null)]
    [InlineData(700L, 700L)]
    public void Slice_TimeRange_KeepsRowsFromStartToBeforeEnd(long? start, long? end)
    {
        var source = TwoQemuVms();
        var rows = TraceFiles.ReadAccesses(source.Path);
        var output = _temp.Combine("time");

        TraceSlicer.Slice(source, output, new SliceOptions { TimeStart = start, TimeEnd = end });

        var expected = rows.Where(a => a.Time >= (start ?? long.MinValue) && a.Time < (end ?? long.MaxValue));
        Assert.Equal(expected, TraceFiles.ReadAccesses(output));
        AssertValid(output);
    }

    [Theory]
    [InlineData("B")]
    [InlineData("1")]
    public void Slice_OneVm_KeepsItsRowsWithIdZero(string vm)
    {
        var source = TwoQemuVms();
        var rows = TraceFiles.ReadAccesses(source.Path);
        var output = _temp.Combine("vm");

        TraceSlicer.Slice(source, output, new SliceOptions { Vms = [vm] });

        var kept = TraceFiles.ReadAccesses(output);
        Assert.Equal(rows.Where(a => a.Vm == 1).Select(a => a with { Vm = 0 }), kept);
        Assert.Equal(Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow)), kept);
        var metadata = Trace.Open(output).Metadata;
        var only = Assert.Single(metadata.Vms);
        Assert.Equal(Describe(source.Metadata.Vms[1] with { Id = 0 }), Describe(only));
        Assert.Contains("slice of", metadata.Description, StringComparison.Ordinal);
        AssertValid(output);
    }

    [Fact]
    public void Slice_VmAndTimeTogether_KeepBoth()
    {
        var source = TwoQemuVms();
        var rows = TraceFiles.ReadAccesses(source.Path);
        var output = _temp.Combine("both");

        TraceSlicer.Slice(source, output, new SliceOptions { Vms = ["A"], TimeStart = 100, TimeEnd = 200 });

        Assert.Equal(rows.Where(a => a.Vm == 0 && a.Time is >= 100 and < 200), TraceFiles.ReadAccesses(output));
        AssertValid(output);
    }

    [Fact]
    public void Slice_UnknownVm_IsRefusedNamingTheKnownOnes()
    {
        var source = TwoQemuVms();
        var output = _temp.Combine("none");

        var e = Assert.Throws<ArgumentException>(() => TraceSlicer.Slice(source, output, new SliceOptions { Vms = ["C"] }));

        Assert.Contains("'C'", e.Message, StringComparison.Ordinal);
        Assert.Contains("A, B", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Slice_ReversedRange_IsRefused()
    {
        var source = TwoQemuVms();
        var output = _temp.Combine("none");

        Assert.Throws<ArgumentException>(() => TraceSlicer.Slice(source, output,
            new SliceOptions { TimeStart = 10, TimeEnd = 5 }));
        Assert.Throws<ArgumentException>(() => TraceSlicer.Slice(source, output,
            new SliceOptions { RowStart = 10, RowEnd = 5 }));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Slice_ExistingOutput_IsRefusedUnlessOverwriting()
    {
        var source = TwoQemuVms();
        var output = _temp.Combine("existing");
        TraceSlicer.Slice(source, output, new SliceOptions { RowEnd = 10 });

        Assert.Throws<TraceInputException>(() => TraceSlicer.Slice(source, output, new SliceOptions { RowEnd = 20 }));
        Assert.Equal(10, TraceFiles.ReadAccesses(output).Count);

        TraceSlicer.Slice(source, output, new SliceOptions { RowEnd = 20, Overwrite = true });
        Assert.Equal(20, TraceFiles.ReadAccesses(output).Count);
    }

    public static TheoryData<string, long?, long?, long?, long[]> SnapshotCases => new()
    {
        // description, row end (head), time start, time end, snapshot times kept (of 0, 1500 and end = count)
        { "everything", null, null, null, [0, 1500, -1] },
        { "head 1000", 1000, null, null, [0] },
        { "head 1500", 1500, null, null, [0, 1500] },
        { "time 1000:2000", null, 1000, 2000, [1500] },
        { "time 0:1500", null, 0, 1500, [0, 1500] },
        { "time 1600:", null, 1600, null, [-1] },
    };

    [Theory]
    [MemberData(nameof(SnapshotCases))]
    public void Slice_Snapshots_AreKeptWhenInsideTheTimeSpan(string description, long? rowEnd, long? timeStart,
        long? timeEnd, long[] kept)
    {
        var count = Captures.ParseLackey(Fixture.Lines(Fixture.Lackey)).Count;
        var image = Fixture.Path(Fixture.RamFirst64);
        var sourcePath = _temp.Combine("source");
        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Lackey,
            Inputs = [InputSpec.Parse($"A={Fixture.Path(Fixture.Lackey)}")],
            RamImages = [InputSpec.Parse($"A@start={image}"), InputSpec.Parse($"A@1500={image}"),
                InputSpec.Parse($"A@end={image}")],
            Output = sourcePath,
        });
        var sourcePages = TraceFiles.ReadPages(sourcePath);
        var expectedTimes = kept.Select(t => t < 0 ? count : t).ToHashSet();
        var output = _temp.Combine("slice");

        var (_, pages) = TraceSlicer.Slice(Trace.Open(sourcePath), output, new SliceOptions
        {
            RowStart = rowEnd is null ? null : 0,
            RowEnd = rowEnd,
            TimeStart = timeStart,
            TimeEnd = timeEnd,
        });

        var expected = sourcePages.Where(p => expectedTimes.Contains(p.Time)).ToList();
        var actual = TraceFiles.ReadPages(output);
        Assert.Equal(expected.Count, pages);
        Assert.Equal(expected.Select(p => (p.Vm, p.Time, p.Gfn, p.Hash, p.Zero)),
            actual.Select(p => (p.Vm, p.Time, p.Gfn, p.Hash, p.Zero)));
        Assert.Equal(expected.Select(p => p.Content), actual.Select(p => p.Content));
        AssertValid(output);
        Assert.NotNull(description);
    }

    [Fact]
    public void Slice_OneVm_KeepsOnlyItsSnapshotsRenumbered()
    {
        var image = Fixture.Path(Fixture.RamFirst64);
        var sourcePath = _temp.Combine("source");
        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Lackey,
            Inputs = [InputSpec.Parse($"A={Fixture.Path(Fixture.Lackey)}"),
                InputSpec.Parse($"B={Fixture.Path(Fixture.Lackey)}")],
            RamImages = [InputSpec.Parse($"A@start={image}"), InputSpec.Parse($"B@end={image}")],
            Output = sourcePath,
        });
        var sourcePages = TraceFiles.ReadPages(sourcePath);
        var output = _temp.Combine("slice");

        TraceSlicer.Slice(Trace.Open(sourcePath), output, new SliceOptions { Vms = ["B"] });

        Assert.Equal(sourcePages.Where(p => p.Vm == 1).Select(p => (p.Time, p.Gfn, p.Hash)),
            TraceFiles.ReadPages(output).Select(p => (p.Time, p.Gfn, p.Hash)));
        Assert.All(TraceFiles.ReadPages(output), p => Assert.Equal(0, p.Vm));
        AssertValid(output);
    }

    private Trace TwoQemuVms()
    {
        var path = _temp.Combine("two-vms");
        if (!Directory.Exists(path))
        {
            TraceImporter.Import(new ImportOptions
            {
                Format = ImportFormat.Qemu,
                Inputs = [InputSpec.Parse($"A={Fixture.Path(Fixture.Qemu)}"),
                    InputSpec.Parse($"B={Fixture.Path(Fixture.QemuIoWindow)}")],
                Output = path,
            });
        }

        return Trace.Open(path);
    }

    /// <summary>A VM's descriptor with its sources as a string, so two descriptors compare by value.</summary>
    private static string Describe(VmDescriptor vm) => $"{vm with { Sources = [] }} [{string.Join("; ", vm.Sources)}]";

    private static void AssertValid(string path)
    {
        var report = TraceValidator.Validate(path);
        Assert.True(report.IsValid, string.Join("\n", report.Violations));
    }
}
