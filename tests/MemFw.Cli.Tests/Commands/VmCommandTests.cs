using MemFw.Cli.Plugins;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Cli.Tests.Commands;

/// <summary>
/// <c>memfw vm save</c> and <c>memfw vm restore</c>: each VM of the real content sample through every built-in codec, a
/// restored VM that replays to byte-identical results, and bad input as one-line errors.
/// </summary>
public sealed class VmCommandTests : IDisposable
{
    private static readonly string s_content = RepositoryPaths.Sample("guest-ram-content.trace");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every built-in codec, from the catalog: a new codec is covered without an edit.</summary>
    public static TheoryData<string> Codecs => [.. CodecNames];

    private static IReadOnlyList<string> CodecNames =>
        [.. PluginCatalog.Load([]).Listings.Where(l => l.Kind == "compression-codec").Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Codecs))]
    public void SaveRestore_ContentSample_EachVmRowForRow(string codec)
    {
        // Each VM once per codec, at a time that rotates with the codec, so the codecs together cover every snapshot
        // (VmImageTests restores all nine with a codec of known sizes).
        var rotation = CodecNames.ToList().IndexOf(codec);
        var rows = TraceFiles.ReadPages(s_content);
        var times = rows.Select(r => r.Time).Distinct().Order().ToList();
        foreach (var snapshot in rows.GroupBy(r => (r.Vm, r.Time))
                     .Where(g => times.IndexOf(g.Key.Time) == (g.Key.Vm + rotation) % times.Count))
        {
            var vm = Trace.Open(s_content).Metadata.Vms[snapshot.Key.Vm].Name;
            var image = _temp.Combine($"{codec}-{vm}-{snapshot.Key.Time}.img");
            var restored = _temp.Combine($"{codec}-{vm}-{snapshot.Key.Time}.trace");

            var saved = CliRun.Succeeds("vm", "save", s_content, "--vm", vm, "--time", $"{snapshot.Key.Time}",
                "--codec", codec, "-o", image);
            CliRun.Succeeds("vm", "restore", image, "-o", restored, "-q");

            Assert.StartsWith($"wrote {image}: VM {vm} at time {snapshot.Key.Time}, codec {codec}", saved.OutLines[0],
                StringComparison.Ordinal);
            var back = TraceFiles.ReadPages(restored);
            Assert.Equal(snapshot.Count(), back.Count);
            Assert.All(snapshot.Zip(back), p =>
            {
                Assert.Equal((p.First.Gfn, p.First.Hash, p.First.Zero), (p.Second.Gfn, p.Second.Hash, p.Second.Zero));
                Assert.Equal(p.First.Content, p.Second.Content);
            });
        }
    }

    [Fact]
    public void Restore_TraceWithAccesses_ReplaysAndAnalysesByteIdentically()
    {
        var original = WriteTraceWithAccesses(_temp.Combine("original.trace"));
        var image = _temp.Combine("vm.img");
        var restored = _temp.Combine("restored.trace");

        CliRun.Succeeds("vm", "save", original, "--vm", "guest", "--time", "0", "-o", image, "-q");
        CliRun.Succeeds("vm", "restore", image, "-o", restored, "-q");
        var accesses = TraceFiles.ReadAccesses(original);
        using (var writer = new AccessWriter(Path.Combine(restored, TraceFormat.AccessesFile)))
        {
            foreach (var a in accesses)
            {
                writer.Add(a.Time, a.Vm, a.Vcpu, a.Gva, a.Gpa, (AccessKind)a.Kind, a.Size, a.Io);
            }

            writer.Close();
        }

        Assert.Equal(Run("pages", original, "--json"), Run("pages", restored, "--json"));
        Assert.Equal(Run("replay", original, "--policy", "lru", "--frames", "6", "--json"),
            Run("replay", restored, "--policy", "lru", "--frames", "6", "--json"));
    }

    [Fact]
    public void Restore_WrongMagic_OneLineErrorAtOffsetZero()
    {
        var image = _temp.WriteFile("bad.img", "NOTANIMAGE-AT-ALL-BUT-LONG-ENOUGH-FOR-A-HEADER-OF-SIXTY-FOUR-BYTES!"u8.ToArray());

        var line = CliRun.FailsWithOneLine("vm", "restore", image, "-o", _temp.Combine("r"));

        Assert.StartsWith($"memfw: error: {image}: byte offset 0: expected the magic 'MEMFWIMG'", line,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Save_UnknownVmOrCodec_OneLineErrors()
    {
        var vm = CliRun.FailsWithOneLine("vm", "save", s_content, "--vm", "vmZ", "--time", "0", "-o", _temp.Combine("a"));
        var codec = CliRun.FailsWithOneLine("vm", "save", s_content, "--vm", "vmA", "--time", "0", "--codec", "lz5",
            "-o", _temp.Combine("a"));

        Assert.Contains("--vm: no VM 'vmZ'", vm, StringComparison.Ordinal);
        Assert.Contains("unknown compression codec 'lz5'", codec, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_ExistingOutputWithoutForce_OneLineError()
    {
        var image = _temp.WriteFile("exists.img", [1]);

        var line = CliRun.FailsWithOneLine("vm", "save", s_content, "--vm", "vmA", "--time", "0", "-o", image);

        Assert.Contains("output already exists (pass --force to replace it)", line, StringComparison.Ordinal);
        Assert.Equal([1], File.ReadAllBytes(image));
    }

    private static string Run(params string[] args) => CliRun.Succeeds([.. args, "-q"]).Out;

    /// <summary>One VM of 16 pages (zero, repeated and distinct contents) and 400 accesses over them.</summary>
    private static string WriteTraceWithAccesses(string path)
    {
        using var writer = new TraceWriter(path, overwrite: false);
        var random = new Random(5);
        for (var i = 0; i < 400; i++)
        {
            var page = (ulong)(random.Next(4) == 0 ? random.Next(16) : random.Next(5));
            var kind = random.Next(3) == 0 ? AccessKind.Write : AccessKind.Read;
            writer.Accesses.Add(i, 0, 0, 0x7000_0000 + (page << 12), (page << 12) + (ulong)random.Next(4096), kind, 8,
                false);
        }

        var pages = writer.StartPages(storeContent: true);
        for (ulong gfn = 0; gfn < 16; gfn++)
        {
            var content = new byte[TraceFormat.PageSize];
            if (gfn % 4 != 0)
            {
                new Random((int)(gfn % 6)).NextBytes(content.AsSpan(0, 1000 + (int)gfn));
            }

            pages.AddPage(0, 0, gfn, content);
        }

        writer.Commit(new TraceMetadata
        {
            FormatVersion = TraceFormat.Version,
            TimeUnit = TimeUnit.Ordinal,
            CreatedBy = "MemFw tests",
            Vms = [new VmDescriptor { Id = 0, Name = "guest", RamBytes = 16 * 4096, AddressMode = AddressMode.Translated }],
        });
        return path;
    }
}
