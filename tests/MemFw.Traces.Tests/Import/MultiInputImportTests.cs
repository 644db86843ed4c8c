using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Import;

public sealed class MultiInputImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1000)]
    [InlineData(1200)]
    [InlineData(1)]
    public void Import_TwoQemuCaptures_MergesThemSortedByTimeThenVm(int split)
    {
        var bytes = Fixture.Bytes(Fixture.Qemu);
        var a = _temp.WriteFile("a.qemu", bytes[..(split * 16)]);
        var b = _temp.WriteFile("b.qemu", bytes[(split * 16)..]);
        var expected = Captures.ParseQemu(bytes[..(split * 16)], vm: 0)
            .Concat(Captures.ParseQemu(bytes[(split * 16)..], vm: 1))
            .OrderBy(x => x.Time).ThenBy(x => x.Vm)
            .ToList();
        var output = _temp.Combine("trace");

        var result = Import(ImportFormat.Qemu, output, [$"A={a}", $"B={b}"]);

        Assert.Equal(2, result.Vms);
        Assert.Equal(expected, TraceFiles.ReadAccesses(output));
        var vms = Trace.Open(output).Metadata.Vms;
        Assert.Equal([(0, "A", "a.qemu"), (1, "B", "b.qemu")], vms.Select(v => (v.Id, v.Name, v.Sources[0].File)));
    }

    [Fact]
    public void Import_CapturesLongerThanABatch_MergeAcrossBatchRefills()
    {
        // 40 copies of the capture (80,000 records) and 15 of the I/O window (30,000): both sources refill their
        // batches several times while the merge interleaves them.
        var first = Fixture.Bytes(Fixture.Qemu);
        var window = Fixture.Bytes(Fixture.QemuIoWindow);
        var a = Enumerable.Repeat(first, 40).SelectMany(x => x).ToArray();
        var b = Enumerable.Repeat(window, 15).SelectMany(x => x).ToArray();
        var expected = Captures.ParseQemu(a, vm: 0).Concat(Captures.ParseQemu(b, vm: 1))
            .OrderBy(x => x.Time).ThenBy(x => x.Vm)
            .ToList();
        var output = _temp.Combine("trace");

        Import(ImportFormat.Qemu, output, [$"A={_temp.WriteFile("a.qemu", a)}", $"B={_temp.WriteFile("b.qemu", b)}"]);

        Assert.Equal(expected, TraceFiles.ReadAccesses(output));
    }

    [Fact]
    public void Import_ThreeCaptures_GetIdsInCommandLineOrder()
    {
        var bytes = Fixture.Bytes(Fixture.Qemu);
        var parts = new[] { bytes[..8000], bytes[8000..24000], bytes[24000..] };
        var paths = parts.Select((p, i) => _temp.WriteFile($"p{i}.qemu", p)).ToArray();
        var expected = parts.SelectMany((p, i) => Captures.ParseQemu(p, (ushort)i))
            .OrderBy(x => x.Time).ThenBy(x => x.Vm)
            .ToList();
        var output = _temp.Combine("trace");

        Import(ImportFormat.Qemu, output, [$"z={paths[0]}", $"y={paths[1]}", $"x={paths[2]}"]);

        Assert.Equal(expected, TraceFiles.ReadAccesses(output));
        Assert.Equal(["z", "y", "x"], Trace.Open(output).Metadata.Vms.Select(v => v.Name));
    }

    [Fact]
    public void Import_RamImagesAtStartAndEnd_GetTheFirstAccessTimeAndOnePastTheLast()
    {
        var lines = Fixture.Lines(Fixture.Lackey);
        var shortLines = lines.Take(1000).ToArray();
        var shorter = _temp.WriteLines("short.log", shortLines);
        var countA = Captures.ParseLackey(lines).Count;
        var countB = Captures.ParseLackey(shortLines).Count;
        var image = Fixture.Path(Fixture.RamFirst64);
        var pages = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64)).Count;
        var output = _temp.Combine("trace");

        var result = Import(ImportFormat.Lackey, output, [$"A={Fixture.Path(Fixture.Lackey)}", $"B={shorter}"],
            ram: [$"B@end={image}", $"A@start={image}", $"A@end={image}", $"B@start={image}"]);

        Assert.Equal(countA + countB, result.Accesses);
        Assert.Equal(4 * pages, result.Pages);
        var rows = TraceFiles.ReadPages(output);
        var snapshots = rows.Select(r => (r.Time, r.Vm)).Distinct().ToList();
        // Times are ordinals from 0, so both VMs start at 0; each ends one past its own last access.
        Assert.Equal([(0L, (ushort)0), (0L, (ushort)1), ((long)countB, (ushort)1), ((long)countA, (ushort)0)],
            snapshots);
        Assert.All(snapshots, s => Assert.Equal(pages, rows.Count(r => (r.Time, r.Vm) == s)));
        var vms = Trace.Open(output).Metadata.Vms;
        Assert.Equal([null, 0L, (long)countA], vms[0].Sources.Select(s => s.SnapshotTime));
        Assert.Equal([null, (long)countB, 0L], vms[1].Sources.Select(s => s.SnapshotTime));
        Assert.Equal(["lackey", "raw-ram", "raw-ram"], vms[0].Sources.Select(s => s.Format));
    }

    [Fact]
    public void Import_RamImageOfAVmWithoutAccesses_AddsAnotherVm()
    {
        var output = _temp.Combine("trace");

        Import(ImportFormat.Vmsim, output, [$"A={Fixture.Path(Fixture.Vmsim)}"],
            ram: [$"C@7={Fixture.Path(Fixture.RamFirst64)}"]);

        var vms = Trace.Open(output).Metadata.Vms;
        Assert.Equal([("A", AddressMode.Identity), ("C", AddressMode.Translated)], vms.Select(v => (v.Name, v.AddressMode)));
        Assert.Equal(Fixture.Bytes(Fixture.RamFirst64).Length, vms[1].RamBytes);
        Assert.All(TraceFiles.ReadPages(output), r => Assert.Equal((7L, (ushort)1), (r.Time, r.Vm)));
        Assert.All(TraceFiles.ReadAccesses(output), a => Assert.Equal(0, a.Vm));
    }

    [Fact]
    public void Import_SameVmNamedTwice_IsRefused()
    {
        var output = _temp.Combine("trace");

        var e = Assert.Throws<ArgumentException>(() => Import(ImportFormat.Qemu, output,
            [$"A={Fixture.Path(Fixture.Qemu)}", $"A={Fixture.Path(Fixture.QemuIoWindow)}"]));

        Assert.Contains("'A'", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Import_TwoImagesAtTheSameTime_AreRefused()
    {
        var output = _temp.Combine("trace");
        var image = Fixture.Path(Fixture.RamFirst64);

        var e = Assert.Throws<TraceInputException>(() => Import(ImportFormat.RawRam, output,
            [$"A@3={image}", $"A@3={image}"]));

        Assert.Contains("time 3", e.Message, StringComparison.Ordinal);
        Assert.Empty(TempDirectory.Entries(_temp.Path));
        Assert.False(Directory.Exists(output));
    }

    private static ImportResult Import(ImportFormat format, string output, string[] inputs, string[]? ram = null) =>
        TraceImporter.Import(new ImportOptions
        {
            Format = format,
            Inputs = [.. inputs.Select(InputSpec.Parse)],
            RamImages = [.. (ram ?? []).Select(InputSpec.Parse)],
            Output = output,
        });
}
