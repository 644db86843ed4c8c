using System.Text.Json;
using MemFw.Cli.Plugins;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;
using Snapshooter.Xunit;
using ZstdSharp;

namespace MemFw.Cli.Tests.Commands;

/// <summary>
/// <c>memfw pages</c>: the table on the bundled real samples (snapshots, and the figures the samples' README states),
/// JSON on imported real RAM images against counts made from their bytes, and bad input as one-line errors.
/// </summary>
public sealed class PagesCommandTests : IDisposable
{
    private static readonly string s_content = RepositoryPaths.Sample("guest-ram-content.trace");
    private static readonly string s_hashOnly = RepositoryPaths.Sample("guest-ram.trace");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Pages_RealSampleWithContents_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("pages", s_content, "--scan-time", "10s");

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Pages_RealHashOnlySample_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("pages", s_hashOnly, "--quiet", "--scan-time", "10s");

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Pages_RealHashOnlySample_HasTheZeroAndDuplicatePagesOfTheSamplesReadme()
    {
        var snapshots = Json("pages", s_hashOnly, "--json", "--codecs", "none", "--scanners", "none").GetProperty("snapshots");

        // traces/samples/README.md, guest-ram.trace: zero / duplicate pages per VM and snapshot time.
        long[][] expected =
        [
            [15_328, 3_000, 15_582, 3_265, 15_310, 2_987],
            [15_330, 2_999, 15_587, 3_147, 15_325, 2_999],
            [15_326, 3_000, 15_587, 3_064, 15_328, 2_997],
        ];
        Assert.Equal([0, 20, 40], snapshots.EnumerateArray().Select(s => s.GetProperty("time").GetInt64()));
        Assert.Equal(expected, snapshots.EnumerateArray().Select(s => s.GetProperty("vms").EnumerateArray()
            .SelectMany(v => new[]
            {
                v.GetProperty("zero_pages").GetInt64(), v.GetProperty("shared_within_vm").GetInt64(),
            })
            .ToArray()));
        Assert.All(snapshots.EnumerateArray(), s =>
            Assert.Equal(JsonValueKind.Null, s.GetProperty("host").GetProperty("patched_pages").ValueKind));
    }

    [Fact]
    public void Pages_RealSampleWithContents_HasTheZeroAndDuplicatePagesOfTheSamplesReadme()
    {
        var vms = Json("pages", s_content, "--json", "--codecs", "none", "--scanners", "none").GetProperty("snapshots").EnumerateArray()
            .SelectMany(s => s.GetProperty("vms").EnumerateArray()).ToList();

        // traces/samples/README.md, guest-ram-content.trace: every snapshot has 148 zero and 373 duplicate pages.
        Assert.Equal(9, vms.Count);
        Assert.All(vms, v => Assert.Equal((1024, 148, 373), (v.GetProperty("pages").GetInt32(),
            v.GetProperty("zero_pages").GetInt32(), v.GetProperty("shared_within_vm").GetInt32())));
        Assert.All(vms, v => Assert.True(v.GetProperty("patched_pages").GetInt32() > 0));
    }

    [Fact]
    public void Pages_ImportedRamImages_CountsWhatTheirBytesHold()
    {
        var first = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));
        var duplicates = Captures.Pages(new Decompressor().Unwrap(Fixture.Bytes(Fixture.RamDuplicatesZst)).ToArray());
        var trace = _temp.Combine("ram");
        CliRun.Succeeds("trace", "import", "--format", "raw-ram", "-q", "-o", trace,
            $"A@0={Fixture.Path(Fixture.RamFirst64)}", $"B@0={Fixture.Path(Fixture.RamDuplicatesZst)}");

        var snapshot = Assert.Single(Json("pages", trace, "--json", "--scanners", "none").GetProperty("snapshots").EnumerateArray());

        var images = new[] { first, duplicates };
        var distinct = images.Select(i => i.Where(p => !Captures.IsZero(p)).Select(Convert.ToHexString).ToHashSet())
            .ToArray();
        var vms = snapshot.GetProperty("vms").EnumerateArray().ToList();
        for (var vm = 0; vm < 2; vm++)
        {
            var nonZero = images[vm].Count(p => !Captures.IsZero(p));
            var across = vm == 0 ? 0 : distinct[1].Count(distinct[0].Contains);
            Assert.Equal((images[vm].Count, images[vm].Count - nonZero, nonZero - distinct[vm].Count, across,
                distinct[vm].Count - across), Sharing(vms[vm]));
        }

        Assert.Equal(distinct[0].Union(distinct[1]).Count(),
            snapshot.GetProperty("host").GetProperty("frames").GetInt32());
    }

    [Fact]
    public void Pages_OneVm_PrintsOnlyItsRowsWithNothingSharedAcrossVms()
    {
        var result = CliRun.Succeeds("pages", s_content, "--vm", "vmB", "--codecs", "none", "--scanners", "none");

        var rows = result.OutLines.SkipWhile(l => !l.StartsWith("----", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["0", "20", "40"], rows.Select(r => r[0]));
        // vm, pages, zero, shared in VM (traces/samples/README.md), shared across VMs.
        Assert.All(rows, r => Assert.Equal(["vmB", "1,024", "148", "373", "0"], r[1..6]));
    }

    [Fact]
    public void Pages_UnknownVm_FailsWithOneLineNamingTheVms()
    {
        var line = CliRun.FailsWithOneLine("pages", s_content, "--vm", "vmD");

        Assert.Contains("--vm: no VM 'vmD'", line, StringComparison.Ordinal);
        Assert.Contains("Known: vmA, vmB, vmC", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_TraceWithoutPageContents_FailsWithOneLineNamingTheFile()
    {
        var trace = RepositoryPaths.Sample("linux-guest.trace");

        var line = CliRun.FailsWithOneLine("pages", trace);

        Assert.StartsWith($"memfw: error: {Path.Combine(trace, TraceFormat.PagesFile)}: file not found", line,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_ContentOfWrongSize_FailsWithOneLineNamingFileAndRow()
    {
        var rows = Rows();
        rows[3] = rows[3] with { Content = rows[3].Content![..4000] };
        var pages = PagesFile(rows);

        var line = CliRun.FailsWithOneLine("pages", Path.GetDirectoryName(pages)!);

        Assert.Equal($"memfw: error: {pages}: row 3: expected 4096 content bytes, found 4000", line);
    }

    [Fact]
    public void Pages_HashNotOfTheContent_FailsWithOneLineNamingFileAndRow()
    {
        var rows = Rows();
        var hash = rows[5].Hash;
        rows[5] = rows[5] with { Hash = hash ^ 0xFF };
        var pages = PagesFile(rows);

        var line = CliRun.FailsWithOneLine("pages", Path.GetDirectoryName(pages)!);

        Assert.Equal($"memfw: error: {pages}: row 5: expected hash 0x{hash:X16} of the stored content, "
            + $"found 0x{hash ^ 0xFF:X16}", line);
    }

    [Fact]
    public void Pages_SnapshotsOutOfOrder_FailsWithOneLineNamingFileAndRow()
    {
        var rows = Rows();
        rows.InsertRange(0, rows.Take(2).Select(r => r with { Time = 3 }).ToList());
        var pages = PagesFile(rows);

        var line = CliRun.FailsWithOneLine("pages", Path.GetDirectoryName(pages)!);

        Assert.Equal($"memfw: error: {pages}: row 2: expected rows sorted by (time, vm, gfn) without repeats, "
            + "found (time 0, vm 0, gfn 0) after (time 3, vm 0, gfn 1)", line);
    }

    [Theory]
    [InlineData("lz4")]
    [InlineData("zstd:level=9")]
    public void Pages_Codec_RatioIsTheCodecsOnTheDistinctNonZeroContents(string spec)
    {
        var rows = Rows();
        // A zero page and a repeat of a page: neither is compressed again.
        rows.Add(PageTraces.Row(0, 0, 8, new byte[TraceFormat.PageSize]));
        rows.Add(PageTraces.Row(0, 0, 9, rows[2].Content!));
        var trace = Path.GetDirectoryName(PagesFile(rows))!;

        var snapshot = Assert.Single(Json("pages", trace, "--json", "--codecs", spec, "--scanners", "none")
            .GetProperty("snapshots").EnumerateArray());

        var parsed = PolicySpec.Parse(spec, "test");
        var codec = PluginCatalog.Load([]).FindHostPlugin("compression codec", parsed.Name, r => r.CompressionCodecs)
            .Bind(parsed.Values)(new HostPluginContext(1, 0));
        var expected = CodecMeasurement.Measure(codec, [.. rows.Take(8).Select(r => r.Content!)]).Ratio;
        (codec as IDisposable)?.Dispose();
        var vm = Assert.Single(snapshot.GetProperty("vms").EnumerateArray());
        Assert.Equal(expected, vm.GetProperty("compression_ratios").GetProperty(spec).GetDouble(), 1e-9);
        Assert.Equal(expected, snapshot.GetProperty("host").GetProperty("compression_ratios").GetProperty(spec)
            .GetDouble(), 1e-9);
    }

    [Fact]
    public void Pages_HashOnlyTrace_HasNoRatio()
    {
        var trace = PageTraces.Write(_temp.Combine("hashes"), ["g"], Rows(), storeContent: false);

        var result = CliRun.Succeeds("pages", trace, "--codecs", "lz4", "--scanners", "none");

        var row = result.OutLines.Last().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("n/a", row[^1]);
        Assert.Contains("lz4 ratio", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_Scanners_ReachTheIdealWithEnoughScanTimeAndNotWithATinyOne()
    {
        var pages = Rows().Select(r => r.Content!).ToList();
        var rows = new List<PageRow>();
        for (var vm = 0; vm < 2; vm++)
        {
            rows.AddRange(pages.Select((p, gfn) => PageTraces.Row(vm, 0, (ulong)gfn, p)));
            rows.Add(PageTraces.Row(vm, 0, 8, new byte[TraceFormat.PageSize]));
            rows.Add(PageTraces.Row(vm, 0, 9, new byte[TraceFormat.PageSize]));
            rows.Add(PageTraces.Row(vm, 0, 10, pages[0]));
        }

        var trace = PageTraces.Write(_temp.Combine("two"), ["a", "b"], rows);

        var enough = Scanning(Json("pages", trace, "--json", "--codecs", "none", "--scan-time", "10s"));
        // One KSM period of 4 pages (of 22), and no ESX period.
        var tiny = Scanning(Json("pages", trace, "--json", "--codecs", "none", "--scan-time", "20ms",
            "--scanners", "ksm:pages-to-scan=4,esx"));

        // 22 pages: 4 zero on the zero frame, 18 non-zero with 8 distinct contents: 9 frames, 13 saved.
        Assert.Equal((22, 3, 13), (enough.GetProperty("pages").GetInt32(),
            enough.GetProperty("saved_at_load").GetInt32(), enough.GetProperty("saved_ideal").GetInt32()));
        Assert.Equal(13, enough.GetProperty("saved").GetProperty("ksm").GetInt32());
        Assert.Equal(13, enough.GetProperty("saved").GetProperty("esx").GetInt32());
        Assert.Equal(13, tiny.GetProperty("saved_ideal").GetInt32());
        Assert.InRange(tiny.GetProperty("saved").GetProperty("ksm:pages-to-scan=4").GetInt32(), 3, 12);
        // 20 ms is under ESX's 1 s period: no scan, only the zero-page hack.
        Assert.Equal(3, tiny.GetProperty("saved").GetProperty("esx").GetInt32());
    }

    [Theory]
    [InlineData("--codecs", "lz5", "--codecs: unknown compression codec 'lz5'")]
    [InlineData("--codecs", "zstd:level=x", "--codecs: ")]
    [InlineData("--codecs", "lz4,lz4", "--codecs: 'lz4' is given twice")]
    [InlineData("--scanners", "kms", "--scanners: unknown sharing scanner 'kms'")]
    [InlineData("--scanners", "ksm:nope=1", "--scanners: ")]
    [InlineData("--scan-time", "10x", "--scan-time: expected a duration such as 500ms, 60s, 10m or 2h, found '10x'")]
    public void Pages_BadCodecScannerOrScanTime_FailsWithOneLine(string option, string value, string expected)
    {
        var line = CliRun.FailsWithOneLine("pages", s_content, option, value);

        Assert.StartsWith("memfw: error: " + expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_UnknownCodec_SuggestsTheNearestName()
    {
        var line = CliRun.FailsWithOneLine("pages", s_content, "--codecs", "lz5");

        Assert.Contains("lz4", line[line.IndexOf(';', StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    private static JsonElement Scanning(JsonElement report) =>
        Assert.Single(report.GetProperty("scanning").GetProperty("snapshots").EnumerateArray());

    /// <summary>Eight real pages (the first of the fixture image that are not zero) of one VM at time 0.</summary>
    private static List<PageRow> Rows() =>
    [
        .. Captures.Pages(Fixture.Bytes(Fixture.RamFirst64)).Where(p => !Captures.IsZero(p)).Take(8)
            .Select((p, gfn) => PageTraces.Row(0, 0, (ulong)gfn, p)),
    ];

    /// <summary>Writes <paramref name="rows"/> as a trace and returns its pages.parquet.</summary>
    private string PagesFile(List<PageRow> rows) =>
        Path.Combine(PageTraces.Write(_temp.Combine($"broken-{Guid.NewGuid():N}"), ["g"], rows), TraceFormat.PagesFile);

    private static JsonElement Json(params string[] args) =>
        JsonDocument.Parse(CliRun.Succeeds(args).Out).RootElement.Clone();

    private static (int, int, int, int, int) Sharing(JsonElement vm) => (vm.GetProperty("pages").GetInt32(),
        vm.GetProperty("zero_pages").GetInt32(), vm.GetProperty("shared_within_vm").GetInt32(),
        vm.GetProperty("shared_across_vms").GetInt32(), vm.GetProperty("frames").GetInt32());
}
