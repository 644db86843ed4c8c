using System.Text.Json;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Cli.Tests.Commands;

public sealed class TraceInfoCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Info_Json_HasTheTopLevelCountsOfTheCaptures()
    {
        var a = Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu), vm: 0);
        var b = Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow), vm: 1);
        var trace = _temp.Combine("trace");
        CliRun.Succeeds("trace", "import", "--format", "qemu", "-o", trace,
            $"A={Fixture.Path(Fixture.Qemu)}", $"B={Fixture.Path(Fixture.QemuIoWindow)}");

        var result = CliRun.Succeeds("trace", "info", "--json", trace);

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var all = a.Concat(b).ToList();
        Assert.Equal(all.Count, root.GetProperty("accesses").GetInt64());
        Assert.Equal(all.Count(x => x.Kind == Access.Write), root.GetProperty("writes").GetInt64());
        Assert.Equal(all.Count(x => x.Io), root.GetProperty("io_accesses").GetInt64());
        Assert.Equal(DistinctPages(a) + DistinctPages(b), root.GetProperty("distinct_pages").GetInt64());
        Assert.Equal(2, root.GetProperty("io_accesses").GetInt64());
        var vms = root.GetProperty("vms").EnumerateArray().ToList();
        Assert.Equal(["A", "B"], vms.Select(v => v.GetProperty("name").GetString()));
        Assert.Equal([a.Count, b.Count], vms.Select(v => v.GetProperty("accesses").GetInt32()));
        Assert.Equal([DistinctPages(a), DistinctPages(b)], vms.Select(v => v.GetProperty("distinct_pages").GetInt32()));
    }

    [Fact]
    public void Info_Json_ReportsPageContents()
    {
        var pages = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));
        var trace = _temp.Combine("trace");
        CliRun.Succeeds("trace", "import", "--format", "raw-ram", "-o", trace, Fixture.Path(Fixture.RamFirst64));

        var result = CliRun.Succeeds("trace", "info", "--json", trace);

        using var json = JsonDocument.Parse(result.Out);
        var contents = json.RootElement.GetProperty("page_contents");
        Assert.Equal(pages.Count, contents.GetProperty("pages").GetInt32());
        Assert.Equal(pages.Count(Captures.IsZero), contents.GetProperty("zero_pages").GetInt32());
        Assert.Equal(1, contents.GetProperty("snapshots").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("accesses").GetInt32());
    }

    [Fact]
    public void Info_Text_NamesTheTraceAndItsVms()
    {
        var count = Captures.ParseLackey(Fixture.Lines(Fixture.Lackey)).Count;
        var trace = _temp.Combine("trace");
        CliRun.Succeeds("trace", "import", "-f", "lackey", "-o", trace, $"prog={Fixture.Path(Fixture.Lackey)}");

        var result = CliRun.Succeeds("trace", "info", trace);

        Assert.Contains($"trace          {trace}", result.OutLines[0], StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.StartsWith("vm 0 'prog'", StringComparison.Ordinal)
            && l.Contains("identity-mapped", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith($"accesses     {count:N0} (", StringComparison.Ordinal));
    }

    [Fact]
    public void Info_MissingTrace_FailsWithOneLineNamingIt()
    {
        var missing = _temp.Combine("no-trace");

        var line = CliRun.FailsWithOneLine("trace", "info", missing);

        Assert.Contains(missing, line, StringComparison.Ordinal);
    }

    private static int DistinctPages(IEnumerable<Access> accesses) =>
        accesses.Where(a => !a.Io).Select(a => a.Gpa >> 12).Distinct().Count();
}
