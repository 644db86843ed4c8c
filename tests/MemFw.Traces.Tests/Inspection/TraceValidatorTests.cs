using System.IO.Hashing;
using System.Text.Json.Nodes;
using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Inspection;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Inspection;

/// <summary>
/// Valid traces, and traces broken on purpose at one known row, written directly with the format's writers from
/// the real fixtures: VM 0 identity-mapped (the lackey capture), VM 1 translated with 256 MiB of RAM (the QEMU
/// capture) and one RAM snapshot of VM 1.
/// </summary>
public sealed class TraceValidatorTests : IDisposable
{
    private const long RamBytes = 256L << 20;

    private readonly TempDirectory _temp = new();
    private readonly List<Access> _accesses;
    private readonly List<PageRow> _pages;

    public TraceValidatorTests()
    {
        _accesses = Captures.ParseLackey(Fixture.Lines(Fixture.Lackey), vm: 0)
            .Concat(Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu), vm: 1))
            .OrderBy(a => a.Time).ThenBy(a => a.Vm)
            .ToList();
        _pages = [.. Captures.Pages(Fixture.Bytes(Fixture.RamFirst64)).Select((p, gfn) =>
            new PageRow(1, 0, (ulong)gfn, XxHash3.HashToUInt64(p), Captures.IsZero(p), Captures.IsZero(p) ? null : p))];
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>The first row after which only VM 0 (the longer capture) has accesses: times there are unique.</summary>
    private int TailRow => _accesses.FindIndex(a => a.Time >= 2000) + 10;

    [Fact]
    public void Validate_CraftedValidTrace_HasNoViolations()
    {
        var report = TraceValidator.Validate(Write());

        Assert.True(report.IsValid, string.Join("\n", report.Violations));
        Assert.Equal(0, report.Count);
        Assert.Equal(_accesses.Count, report.AccessRows);
        Assert.Equal(_pages.Count, report.PageRows);
    }

    public static TheoryData<ImportFormat, string[], string[]> Imports => new()
    {
        { ImportFormat.Qemu, [$"A={Fixture.Path(Fixture.Qemu)}", $"B={Fixture.Path(Fixture.QemuIoWindow)}"], [] },
        { ImportFormat.Lackey, [Fixture.Path(Fixture.Lackey)],
            [$"lackey-true@start={Fixture.Path(Fixture.RamFirst64)}", $"lackey-true@end={Fixture.Path(Fixture.RamFirst64)}"] },
        { ImportFormat.Vmsim, [Fixture.Path(Fixture.Vmsim)], [] },
        { ImportFormat.RawRam, [Fixture.Path(Fixture.RamFirst64), Fixture.Path(Fixture.RamDuplicatesZst)], [] },
    };

    [Theory]
    [MemberData(nameof(Imports))]
    public void Validate_ImportedRealCaptures_HaveNoViolations(ImportFormat format, string[] inputs, string[] ram)
    {
        var output = _temp.Combine("imported");
        var result = TraceImporter.Import(new ImportOptions
        {
            Format = format,
            Inputs = [.. inputs.Select(InputSpec.Parse)],
            RamImages = [.. ram.Select(InputSpec.Parse)],
            Output = output,
        });

        var report = TraceValidator.Validate(output);

        Assert.True(report.IsValid, string.Join("\n", report.Violations));
        Assert.Equal(result.Accesses, report.AccessRows);
        Assert.Equal(result.Pages, report.PageRows);
    }

    [Fact]
    public void Validate_TwoRowsSwapped_ReportsTheRowThatGoesBack()
    {
        var k = TailRow;
        (_accesses[k], _accesses[k + 1]) = (_accesses[k + 1], _accesses[k]);

        var violation = Single(Write());

        Assert.Equal(TraceFormat.AccessesFile, violation.File);
        Assert.Equal(k + 1, violation.Row);
        Assert.Contains("sorted by (time, vm)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameTimeWithVmsOutOfOrder_ReportsTheRow()
    {
        var k = _accesses.FindIndex(a => a.Time == 500 && a.Vm == 0);
        Assert.Equal(1, _accesses[k + 1].Vm);
        (_accesses[k], _accesses[k + 1]) = (_accesses[k + 1], _accesses[k]);

        var violation = Single(Write());

        Assert.Equal(k + 1, violation.Row);
        Assert.Contains("(time 500, vm 0) follows (time 500, vm 1)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VmIdOutOfRange_ReportsTheRow()
    {
        var k = TailRow;
        _accesses[k] = _accesses[k] with { Vm = 2 };

        var violation = Single(Write());

        Assert.Equal(TraceFormat.AccessesFile, violation.File);
        Assert.Equal(k, violation.Row);
        Assert.Contains("vm id below 2, found 2", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VcpuOutOfRange_ReportsTheRow()
    {
        var k = _accesses.FindIndex(a => a.Vm == 1 && a.Time == 1234);
        _accesses[k] = _accesses[k] with { Vcpu = 1 };

        var violation = Single(Write());

        Assert.Equal(k, violation.Row);
        Assert.Contains("vcpu below 1", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VcpuBelowTheVmsCount_IsValid()
    {
        var k = _accesses.FindIndex(a => a.Vm == 1 && a.Time == 1234);
        _accesses[k] = _accesses[k] with { Vcpu = 3 };

        var report = TraceValidator.Validate(Write(vcpus: 4));

        Assert.True(report.IsValid, string.Join("\n", report.Violations));
    }

    [Fact]
    public void Validate_Kind7_ReportsTheRow()
    {
        var k = TailRow + 3;
        _accesses[k] = _accesses[k] with { Kind = 7 };

        var violation = Single(Write());

        Assert.Equal(k, violation.Row);
        Assert.Contains("found 7", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdentityVmWithGvaOtherThanGpa_ReportsTheRow()
    {
        var k = _accesses.FindIndex(a => a.Vm == 0 && a.Time == 42);
        _accesses[k] = _accesses[k] with { Gpa = _accesses[k].Gpa + 4096 };

        var violation = Single(Write());

        Assert.Equal(k, violation.Row);
        Assert.Contains("gva = gpa", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TranslatedVmWithGvaOtherThanGpa_IsValid()
    {
        Assert.Contains(_accesses, a => a.Vm == 1 && a.Gva != a.Gpa);

        Assert.True(TraceValidator.Validate(Write()).IsValid);
    }

    [Fact]
    public void Validate_GpaAtRamBytes_ReportsTheRow()
    {
        var k = _accesses.FindIndex(a => a.Vm == 1 && a.Time == 1999);
        var ok = _accesses.FindIndex(a => a.Vm == 1 && a.Time == 1000);
        _accesses[k] = _accesses[k] with { Gpa = RamBytes };
        _accesses[ok] = _accesses[ok] with { Gpa = RamBytes - 1 };

        var violation = Single(Write());

        Assert.Equal(k, violation.Row);
        Assert.Contains($"below ram_bytes {RamBytes}", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IoAccessBeyondRam_IsValid()
    {
        var k = _accesses.FindIndex(a => a.Vm == 1 && a.Time == 1999);
        _accesses[k] = _accesses[k] with { Gpa = 0xfee000b0, Io = true };

        Assert.True(TraceValidator.Validate(Write()).IsValid);
    }

    [Fact]
    public void Validate_PageHashMismatch_ReportsTheRow()
    {
        var r = _pages.FindIndex(p => !p.Zero);
        _pages[r] = _pages[r] with { Hash = _pages[r].Hash ^ 1 };

        var violation = Single(Write());

        Assert.Equal(TraceFormat.PagesFile, violation.File);
        Assert.Equal(r, violation.Row);
        Assert.Contains($"expected hash 0x{_pages[r].Hash ^ 1:X16} of the stored content", violation.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroPageWithAnotherHash_ReportsTheRow()
    {
        var r = _pages.FindLastIndex(p => p.Zero);
        _pages[r] = _pages[r] with { Hash = 12345 };

        var violation = Single(Write());

        Assert.Equal(r, violation.Row);
        Assert.Contains($"zero page's hash 0x{XxHash3.HashToUInt64(new byte[4096]):X16}", violation.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroPageWithContent_ReportsTheRow()
    {
        var r = _pages.FindIndex(p => p.Zero);
        _pages[r] = _pages[r] with { Content = new byte[4096] };

        var violation = Single(Write());

        Assert.Equal(r, violation.Row);
        Assert.Contains("no content for a zero page", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllZeroContentNotFlaggedZero_ReportsTheRow()
    {
        var r = _pages.FindIndex(p => p.Zero);
        var zero = new byte[4096];
        _pages[r] = _pages[r] with { Zero = false, Content = zero, Hash = XxHash3.HashToUInt64(zero) };

        var violation = Single(Write());

        Assert.Equal(r, violation.Row);
        Assert.Contains("zero = true", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicatePageRow_ReportsTheRepeat()
    {
        var r = 20;
        _pages.Insert(r + 1, _pages[r]);

        var violation = Single(Write());

        Assert.Equal(r + 1, violation.Row);
        Assert.Contains("without repeats", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GfnBeyondRam_ReportsTheRow()
    {
        _pages.Add(_pages[^1] with { Gfn = RamBytes / 4096 });

        var violation = Single(Write());

        Assert.Equal(_pages.Count - 1, violation.Row);
        Assert.Contains($"gfn below {RamBytes / 4096}", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ContentOfWrongSize_ReportsTheRow()
    {
        var r = _pages.FindIndex(p => !p.Zero);
        _pages[r] = _pages[r] with { Content = [.. _pages[r].Content!, 0] };

        var violation = Single(Write());

        Assert.Equal(r, violation.Row);
        Assert.Equal("expected 4096 content bytes, found 4097", violation.Message);
    }

    [Fact]
    public void Validate_SnapshotBeforeAnEarlierOne_ReportsTheRowThatGoesBack()
    {
        var later = _pages.Select(p => p with { Time = 5 }).ToList();
        _pages.InsertRange(0, later);

        var violation = Single(Write());

        Assert.Equal(later.Count, violation.Row);
        Assert.Equal("expected rows sorted by (time, vm, gfn) without repeats, found (time 0, vm 1, gfn 0) after "
            + $"(time 5, vm 1, gfn {later.Count - 1})", violation.Message);
    }

    [Fact]
    public void Validate_SeveralFaults_ReportsEachWithItsRow()
    {
        var k = TailRow;
        _accesses[k] = _accesses[k] with { Kind = 9 };
        _accesses[k + 5] = _accesses[k + 5] with { Gpa = 1 };
        _pages[3] = _pages[3] with { Hash = 1 };

        var report = TraceValidator.Validate(Write());

        Assert.Equal(3, report.Count);
        Assert.Equal(
            [(TraceFormat.AccessesFile, (long?)k), (TraceFormat.AccessesFile, k + 5), (TraceFormat.PagesFile, 3)],
            report.Violations.Select(v => (v.File, v.Row)));
    }

    [Fact]
    public void Validate_MoreThanMaxKeptViolations_CountsThemAll()
    {
        var count = 0;
        for (var k = 0; k < _accesses.Count; k++)
        {
            if (_accesses[k].Vm == 0)
            {
                _accesses[k] = _accesses[k] with { Kind = 3 };
                count++;
            }
        }

        var report = TraceValidator.Validate(Write());

        Assert.Equal(count, report.Count);
        Assert.Equal(ValidationReport.MaxKept, report.Violations.Count);
        Assert.Equal(_accesses.FindIndex(a => a.Vm == 0), report.Violations[0].Row);
    }

    [Fact]
    public void Validate_EditedMetadataWithRepeatedNameAndIdGap_ReportsEachVm()
    {
        var path = Write();
        var file = Path.Combine(path, TraceFormat.MetadataFile);
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["vms"]![1]!["name"] = "lackey";
        json["vms"]![1]!["id"] = 5;
        File.WriteAllText(file, json.ToJsonString());

        var report = TraceValidator.Validate(path);

        var messages = report.Violations.Where(v => v.File == TraceFormat.MetadataFile).Select(v => v.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("vms[1]: expected id 1", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("vms[1]: expected a unique non-empty name", StringComparison.Ordinal));
        Assert.All(report.Violations.Where(v => v.File == TraceFormat.MetadataFile), v => Assert.Null(v.Row));
    }

    [Fact]
    public void Validate_EditedMetadataWithAnotherFormatVersion_CannotBeOpened()
    {
        var path = Write();
        var file = Path.Combine(path, TraceFormat.MetadataFile);
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["format_version"] = 99;
        File.WriteAllText(file, json.ToJsonString());

        var e = Assert.Throws<TraceInputException>(() => TraceValidator.Validate(path));

        Assert.Equal(file, e.File);
        Assert.Contains("expected version 1, found 99", e.Message, StringComparison.Ordinal);
    }

    private static Violation Single(string path)
    {
        var report = TraceValidator.Validate(path);
        Assert.Equal(1, report.Count);
        return Assert.Single(report.Violations);
    }

    private string Write(int vcpus = 1)
    {
        var path = _temp.Combine($"crafted-{Guid.NewGuid():N}");
        using var writer = new TraceWriter(path, overwrite: false);
        foreach (var a in _accesses)
        {
            writer.Accesses.Add(a.Time, a.Vm, a.Vcpu, a.Gva, a.Gpa, (AccessKind)a.Kind, a.Size, a.Io);
        }

        var pages = writer.StartPages(storeContent: true);
        foreach (var p in _pages)
        {
            pages.Add(p.Vm, p.Time, p.Gfn, p.Hash, p.Zero, p.Content);
        }

        writer.Commit(new TraceMetadata
        {
            FormatVersion = TraceFormat.Version,
            TimeUnit = TimeUnit.Ordinal,
            CreatedBy = "MemFw.Traces.Tests",
            Vms =
            [
                new VmDescriptor { Id = 0, Name = "lackey", AddressMode = AddressMode.Identity, Vcpus = vcpus },
                new VmDescriptor
                {
                    Id = 1, Name = "qemu", AddressMode = AddressMode.Translated, RamBytes = RamBytes, Vcpus = vcpus,
                },
            ],
        });
        return path;
    }
}
