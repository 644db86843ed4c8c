using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Import;

public sealed class ImportDeterminismTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<ImportFormat, string[], string[]> Imports => new()
    {
        { ImportFormat.Qemu, [$"A={Fixture.Path(Fixture.Qemu)}", $"B={Fixture.Path(Fixture.QemuIoWindow)}"], [] },
        { ImportFormat.Qemu, [Fixture.Path(Fixture.QemuZst)], [] },
        { ImportFormat.Lackey, [$"A={Fixture.Path(Fixture.Lackey)}"],
            [$"A@start={Fixture.Path(Fixture.RamFirst64)}", $"A@end={Fixture.Path(Fixture.RamFirst64)}"] },
        { ImportFormat.Vmsim, [Fixture.Path(Fixture.Vmsim)], [] },
        { ImportFormat.RawRam, [Fixture.Path(Fixture.RamFirst64), $"B@3={Fixture.Path(Fixture.RamDuplicatesZst)}"], [] },
    };

    [Theory]
    [MemberData(nameof(Imports))]
    public void Import_SameInputsTwice_GivesByteIdenticalFolders(ImportFormat format, string[] inputs, string[] ram)
    {
        var first = _temp.Combine("first");
        var second = _temp.Combine("second");

        Import(format, inputs, ram, first);
        Import(format, inputs, ram, second);

        var a = TempDirectory.Snapshot(first);
        var b = TempDirectory.Snapshot(second);
        Assert.NotEmpty(a);
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, file => Assert.True(file.Value.AsSpan().SequenceEqual(b[file.Key]), $"{file.Key} differs"));
    }

    private static void Import(ImportFormat format, string[] inputs, string[] ram, string output) =>
        TraceImporter.Import(new ImportOptions
        {
            Format = format,
            Inputs = [.. inputs.Select(InputSpec.Parse)],
            RamImages = [.. ram.Select(InputSpec.Parse)],
            Output = output,
            Description = "determinism",
        });
}
