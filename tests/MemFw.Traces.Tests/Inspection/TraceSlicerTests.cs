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

    private static readonly (int Vm, long Time, ulong Gfn)[] s_everythingTouched =
        [(0, 0, 0), (1, 0, 1), (1, 0, 2), (0, 20, 0), (0, 20, 5)];

    public static TheoryData<string, AddressMode, long?, long?, string[], (int Vm, long Time, ulong Gfn)[]> TouchedCases
        => new()
    {
        // Worked out by hand from ContentTrace's table. Everything: A touches A0 (P), A2 (zero) and, at time 25,
        // A5; B touches B1 (S); C's only access is I/O. Hashes kept: P, S, U and the zero hash, so B2 (P, touched
        // only through A0), A0@20 (S, like B1) and A5@20 (U) keep bytes; Q, R and T rows and zero rows do not.
        { "everything", AddressMode.Translated, null, null, [], s_everythingTouched },
        { "everything, identity", AddressMode.Identity, null, null, [], s_everythingTouched },
        // Times 0:10 keep the snapshot at 0 only and the accesses at times 1-4: hashes P, S and zero.
        { "time 0:10", AddressMode.Translated, 0L, 10L, [], [(0, 0, 0), (1, 0, 1), (1, 0, 2)] },
        // A and C (new ids 0 and 1): A touches A0 (P at 0, S at 20), A2 and A5 (U); B is gone, so B's rows too.
        { "vms A,C", AddressMode.Translated, null, null, ["A", "C"], [(0, 0, 0), (0, 20, 0), (0, 20, 5)] },
        // C alone: its only access is I/O, so no page is touched and no row keeps bytes.
        { "vm C", AddressMode.Translated, null, null, ["C"], [] },
    };

    [Theory]
    [MemberData(nameof(TouchedCases))]
    public void Slice_ContentTouched_KeepsBytesOfTouchedHashClassesOnly(string description, AddressMode mode,
        long? timeStart, long? timeEnd, string[] vms, (int Vm, long Time, ulong Gfn)[] withBytes)
    {
        var source = ContentTrace(mode);
        var output = _temp.Combine("slice");

        TraceSlicer.Slice(Trace.Open(source), output, new SliceOptions
        {
            TimeStart = timeStart,
            TimeEnd = timeEnd,
            Vms = vms,
            Content = SliceContent.Touched,
        });

        var plain = TraceSlicer.Slice(Trace.Open(source), _temp.Combine("plain"), new SliceOptions
        {
            TimeStart = timeStart,
            TimeEnd = timeEnd,
            Vms = vms,
        });
        var expected = TraceFiles.ReadPages(_temp.Combine("plain"));
        var actual = TraceFiles.ReadPages(output);
        Assert.Equal(plain.Pages, actual.Count);
        Assert.Equal(expected.Select(p => (p.Vm, p.Time, p.Gfn, p.Hash, p.Zero)),
            actual.Select(p => (p.Vm, p.Time, p.Gfn, p.Hash, p.Zero)));
        Assert.Equal(withBytes.Order(), actual.Where(p => p.Content is not null)
            .Select(p => ((int)p.Vm, p.Time, p.Gfn)).Order());
        Assert.All(actual.Zip(expected).Where(pair => pair.First.Content is not null),
            pair => Assert.Equal(pair.Second.Content, pair.First.Content));
        Assert.Contains("content touched", Trace.Open(output).Metadata.Description, StringComparison.Ordinal);
        AssertValid(output);
        Assert.NotNull(description);
    }

    [Theory]
    [InlineData(SliceContent.All, 11, "(everything)")] // 12 rows, one of them the zero page A2
    [InlineData(SliceContent.None, 0, "(content none)")]
    public void Slice_ContentAllOrNone_KeepsEveryRowWithAllOrNoBytes(SliceContent content, int withBytes,
        string describedAs)
    {
        var source = ContentTrace(AddressMode.Translated);
        var output = _temp.Combine("slice");

        TraceSlicer.Slice(Trace.Open(source), output, new SliceOptions { Content = content });

        var expected = TraceFiles.ReadPages(source);
        var actual = TraceFiles.ReadPages(output);
        Assert.Equal(expected.Select(p => (p.Vm, p.Time, p.Gfn, p.Hash, p.Zero)),
            actual.Select(p => (p.Vm, p.Time, p.Gfn, p.Hash, p.Zero)));
        Assert.Equal(expected.Select(p => content == SliceContent.All ? p.Content : null),
            actual.Select(p => p.Content));
        Assert.Equal(withBytes, actual.Count(p => p.Content is not null));
        Assert.EndsWith(describedAs, Trace.Open(output).Metadata.Description, StringComparison.Ordinal);
        AssertValid(output);
    }

    [Theory]
    [InlineData("touched", SliceContent.Touched)]
    [InlineData("all", SliceContent.All)]
    [InlineData("none", SliceContent.None)]
    public void SliceContents_NamesRoundTrip(string name, SliceContent content)
    {
        Assert.Equal(content, SliceContents.Parse(name, "--content"));
        Assert.Equal(name, SliceContents.Name(content));
    }

    [Fact]
    public void SliceContents_UnknownName_IsRefusedNamingTheOptionAndTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => SliceContents.Parse("some", "--content"));

        Assert.StartsWith("--content: expected touched, all, none, found 'some'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// VMs A, B, C. Contents P..U are pages filled with bytes 1..6, Z the zero page.
    /// Time 0: A0 P, A1 Q, A2 Z, A3 R; B0 Q, B1 S, B2 P; C0 R, C1 T. Time 20: A0 S, A1 T, A5 U.
    /// Accesses: 1 A read 0x10; 2 B write 0x1008; 3 A read 0x2000; 4 C I/O read 0x1000; 25 A write 0x5FF8.
    /// </summary>
    private string ContentTrace(AddressMode mode)
    {
        static byte[] Page(byte fill) => Enumerable.Repeat(fill, TraceFormat.PageSize).ToArray();
        var (p, q, r, s, t, u, z) = (Page(1), Page(2), Page(3), Page(4), Page(5), Page(6), Page(0));
        var offset = mode == AddressMode.Identity ? 0UL : 0x7F00_0000_0000UL;
        Access At(long time, ushort vm, ulong gpa, byte kind, bool io = false) =>
            new(time, vm, 0, gpa + offset, gpa, kind, 8, io);
        return PageTraces.Write(_temp.Combine($"content-{mode}"), ["A", "B", "C"],
            [
                PageTraces.Row(0, 0, 0, p), PageTraces.Row(0, 0, 1, q), PageTraces.Row(0, 0, 2, z),
                PageTraces.Row(0, 0, 3, r), PageTraces.Row(1, 0, 0, q), PageTraces.Row(1, 0, 1, s),
                PageTraces.Row(1, 0, 2, p), PageTraces.Row(2, 0, 0, r), PageTraces.Row(2, 0, 1, t),
                PageTraces.Row(0, 20, 0, s), PageTraces.Row(0, 20, 1, t), PageTraces.Row(0, 20, 5, u),
            ],
            accesses:
            [
                At(1, 0, 0x10, Access.Read), At(2, 1, 0x1008, Access.Write), At(3, 0, 0x2000, Access.Read),
                At(4, 2, 0x1000, Access.Read, io: true), At(25, 0, 0x5FF8, Access.Write),
            ],
            mode: mode);
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
