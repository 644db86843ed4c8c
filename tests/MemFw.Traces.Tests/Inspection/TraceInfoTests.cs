using System.Security.Cryptography;
using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Inspection;
using MemFw.Traces.Tests.TestSupport;
using ZstdSharp;

namespace MemFw.Traces.Tests.Inspection;

public sealed class TraceInfoTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Summarize_TwoQemuVms_CountsMatchTheCaptures()
    {
        var a = Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu), vm: 0);
        var b = Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow), vm: 1);
        var output = _temp.Combine("trace");
        Import(ImportFormat.Qemu, output, [$"A={Fixture.Path(Fixture.Qemu)}", $"B={Fixture.Path(Fixture.QemuIoWindow)}"]);

        var summary = TraceInfo.Summarize(Trace.Open(output));

        Assert.Equal(2, summary.Vms.Count);
        AssertCounts(a, summary.Vms[0]);
        AssertCounts(b, summary.Vms[1]);
        AssertCounts(a.Concat(b).ToList(), summary, distinctPages: DistinctPages(a) + DistinctPages(b));
        Assert.Equal(2, summary.IoAccesses); // the two MMIO records of the I/O window
        Assert.Equal(["A", "B"], summary.Vms.Select(v => v.Name));
        Assert.All(summary.Vms, v => Assert.Equal(AddressMode.Translated, v.AddressMode));
        Assert.Equal(TraceFormat.Version, summary.FormatVersion);
        Assert.Equal(TimeUnit.Ordinal, summary.TimeUnit);
        Assert.Null(summary.PageContents);
    }

    [Fact]
    public void Summarize_Lackey_CountsFetchesReadsAndWrites()
    {
        var expected = Captures.ParseLackey(Fixture.Lines(Fixture.Lackey));
        var output = _temp.Combine("trace");
        Import(ImportFormat.Lackey, output, [Fixture.Path(Fixture.Lackey)]);

        var summary = TraceInfo.Summarize(Trace.Open(output));

        AssertCounts(expected, summary);
        Assert.True(summary.Fetches > 0 && summary.Reads > 0 && summary.Writes > 0);
        Assert.Equal(AddressMode.Identity, Assert.Single(summary.Vms).AddressMode);
    }

    [Fact]
    public void Summarize_IoAccesses_AreLeftOutOfTheDistinctPages()
    {
        var expected = Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow));
        var allPages = expected.Select(a => a.Gpa >> 12).Distinct().Count();
        var output = _temp.Combine("trace");
        Import(ImportFormat.Qemu, output, [Fixture.Path(Fixture.QemuIoWindow)]);

        var summary = TraceInfo.Summarize(Trace.Open(output));

        Assert.Equal(DistinctPages(expected), summary.DistinctPages);
        Assert.Equal(allPages - 1, summary.DistinctPages); // both MMIO accesses hit the one local-APIC page
        Assert.Equal(summary.DistinctPages * 4096.0 / (1024 * 1024), summary.FootprintMib);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Summarize_RamSnapshots_CountsZeroAndDuplicatePagesPerSnapshot(bool storeContent)
    {
        var first = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));
        var duplicates = Captures.Pages(new Decompressor().Unwrap(Fixture.Bytes(Fixture.RamDuplicatesZst)).ToArray());
        var output = _temp.Combine("trace");
        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.RawRam,
            Inputs = [InputSpec.Parse($"A@0={Fixture.Path(Fixture.RamFirst64)}"),
                InputSpec.Parse($"B@0={Fixture.Path(Fixture.RamDuplicatesZst)}"),
                InputSpec.Parse($"A@10={Fixture.Path(Fixture.RamFirst64)}")],
            Output = output,
            StoreContent = storeContent,
        });

        var pages = TraceInfo.Summarize(Trace.Open(output)).PageContents;

        Assert.NotNull(pages);
        Assert.Equal(3, pages.Snapshots);
        Assert.Equal([(0, 0L), (1, 0L), (0, 10L)], pages.PerSnapshot.Select(s => (s.Vm, s.Time)));
        AssertSnapshot(first, storeContent, pages.PerSnapshot[0]);
        AssertSnapshot(duplicates, storeContent, pages.PerSnapshot[1]);
        AssertSnapshot(first, storeContent, pages.PerSnapshot[2]);
        Assert.True(pages.PerSnapshot[1].DuplicatePages > 0, "the second RAM fixture holds duplicate pages");
        Assert.Equal(pages.PerSnapshot.Sum(s => s.Pages), pages.Pages);
        Assert.Equal(pages.PerSnapshot.Sum(s => s.ZeroPages), pages.ZeroPages);
        Assert.Equal(pages.PerSnapshot.Sum(s => s.DuplicatePages), pages.DuplicatePages);
        Assert.Equal(pages.PerSnapshot.Sum(s => s.PagesWithContent), pages.PagesWithContent);
    }

    [Fact]
    public void Summarize_EmptyCapture_HasNoTimeSpanAndNoPages()
    {
        var empty = _temp.WriteFile("empty.qemu", []);
        var output = _temp.Combine("trace");
        Import(ImportFormat.Qemu, output, [empty]);

        var summary = TraceInfo.Summarize(Trace.Open(output));

        Assert.Equal(0, summary.Accesses);
        Assert.Null(summary.TimeFirst);
        Assert.Null(summary.TimeLast);
        Assert.Equal(0, summary.DistinctPages);
    }

    internal static int DistinctPages(IEnumerable<Access> accesses) =>
        accesses.Where(a => !a.Io).Select(a => a.Gpa >> 12).Distinct().Count();

    private static void AssertCounts(List<Access> expected, AccessCounts counts, int? distinctPages = null)
    {
        Assert.Equal(expected.Count, counts.Accesses);
        Assert.Equal(expected.Count(a => a.Kind == Access.Read), counts.Reads);
        Assert.Equal(expected.Count(a => a.Kind == Access.Write), counts.Writes);
        Assert.Equal(expected.Count(a => a.Kind == Access.Fetch), counts.Fetches);
        Assert.Equal(expected.Count(a => a.Io), counts.IoAccesses);
        Assert.Equal(distinctPages ?? DistinctPages(expected), counts.DistinctPages);
        Assert.Equal(expected.Min(a => a.Time), counts.TimeFirst);
        Assert.Equal(expected.Max(a => a.Time), counts.TimeLast);
    }

    private static void AssertSnapshot(List<byte[]> pages, bool storeContent, SnapshotSummary summary)
    {
        // Duplicates by the bytes themselves (SHA-256 as the key), not by the trace's XXH3 hashes.
        var nonZero = pages.Where(p => !Captures.IsZero(p)).ToList();
        var distinct = nonZero.Select(p => Convert.ToHexString(SHA256.HashData(p))).Distinct().Count();
        Assert.Equal(pages.Count, summary.Pages);
        Assert.Equal(pages.Count - nonZero.Count, summary.ZeroPages);
        Assert.Equal(nonZero.Count - distinct, summary.DuplicatePages);
        Assert.Equal(storeContent ? nonZero.Count : 0, summary.PagesWithContent);
    }

    private static void Import(ImportFormat format, string output, string[] inputs) =>
        TraceImporter.Import(new ImportOptions
        {
            Format = format,
            Inputs = [.. inputs.Select(InputSpec.Parse)],
            Output = output,
        });
}
