using System.Globalization;
using System.Text.Json;
using Snapshooter.Xunit;

namespace MemFw.Cli.Tests.Commands;

/// <summary>
/// <c>memfw compare</c>: every output format, determinism across job counts, and the golden numbers of every built-in
/// policy on the bundled real samples, stored as snapshots (a missing snapshot fails on CI).
/// </summary>
public sealed class CompareCommandTests
{
    private static readonly string s_guest = RepositoryPaths.Sample("linux-guest.trace");

    private static readonly string s_allPolicies =
        "lru,fifo,nfu,aging,nru,second-chance,clock,wsclock,random,lfu,opt,arc,clock-pro,2q";

    [Fact]
    public void Compare_Json_HasTheDocumentedKeysPerCell()
    {
        var result = CliRun.Succeeds("compare", s_guest, "--policies", "lru,fifo", "--frames", "32,128",
            "--format", "json", "--quiet");

        var cells = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(4, cells.Count);
        Assert.Equal(["lru", "lru", "fifo", "fifo"], cells.Select(c => c.GetProperty("policy").GetString()));
        Assert.Equal([32, 128, 32, 128], cells.Select(c => c.GetProperty("frames").GetInt32()));
        foreach (var cell in cells)
        {
            Assert.Equal(1_999_980, cell.GetProperty("accesses").GetInt64());
            Assert.True(cell.GetProperty("faults").GetInt64() >= 636);
            Assert.True(cell.GetProperty("writebacks").GetInt64() <= cell.GetProperty("evictions").GetInt64());
        }
    }

    [Fact]
    public void Compare_JobCount_DoesNotChangeTheOutput()
    {
        string Run(string jobs) => CliRun.Succeeds("compare", s_guest, "--policies", "random,nru,arc",
            "--frames", "16,64", "--format", "csv", "--jobs", jobs, "--seed", "7", "--quiet").Out;

        Assert.Equal(Run("1"), Run("2"));
    }

    [Fact]
    public void Compare_Formats_AgreeOnTheNumbers()
    {
        string Run(string format) => CliRun.Succeeds("compare", s_guest, "--policies", "clock", "--frames", "48",
            "--format", format, "--quiet").Out;

        var csv = Run("csv").Split('\n')[1].Split(',');
        var markdown = Run("markdown");
        var table = Run("table");
        var faults = long.Parse(csv[4], CultureInfo.InvariantCulture);

        Assert.Contains($"| clock | 48 | 1,999,980 |", markdown, StringComparison.Ordinal);
        Assert.Contains(faults.ToString("N0", CultureInfo.InvariantCulture), table, StringComparison.Ordinal);
        Assert.StartsWith("| policy | frames |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AllPoliciesOnRealQemuSample_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("compare", s_guest, "--policies", s_allPolicies, "--frames", "32,128,512",
            "--format", "markdown", "--quiet");

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Compare_AllPoliciesOnRealMultiVmSample_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("compare", RepositoryPaths.Sample("multi-vm.trace"), "--policies",
            s_allPolicies, "--frames", "256,1024", "--format", "markdown", "--quiet");

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Compare_AllPoliciesOnRealLackeySample_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("compare", RepositoryPaths.Sample("lackey.trace"), "--policies",
            s_allPolicies, "--frames", "64,256", "--vm", "sort", "--format", "markdown", "--quiet");

        Snapshot.Match(result.Out);
    }
}
