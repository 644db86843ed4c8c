using System.Text.Json;
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
        var result = CliRun.Succeeds("pages", s_content);

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Pages_RealHashOnlySample_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("pages", s_hashOnly, "--quiet");

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Pages_RealHashOnlySample_HasTheZeroAndDuplicatePagesOfTheSamplesReadme()
    {
        var snapshots = Json("pages", s_hashOnly, "--json").GetProperty("snapshots");

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
        var vms = Json("pages", s_content, "--json").GetProperty("snapshots").EnumerateArray()
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

        var snapshot = Assert.Single(Json("pages", trace, "--json").GetProperty("snapshots").EnumerateArray());

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
        var result = CliRun.Succeeds("pages", s_content, "--vm", "vmB");

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
