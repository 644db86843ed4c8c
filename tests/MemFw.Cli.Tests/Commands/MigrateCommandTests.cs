using System.Text.Json;
using Snapshooter.Xunit;

namespace MemFw.Cli.Tests.Commands;

/// <summary><c>memfw migrate</c> on the bundled real samples, and its one-line errors.</summary>
public sealed class MigrateCommandTests
{
    private static readonly string s_multiVm = RepositoryPaths.Sample("multi-vm.trace");
    private static readonly string s_content = RepositoryPaths.Sample("guest-ram-content.trace");

    [Fact]
    public void Migrate_RealGuestWithAccesses_MatchesSnapshot()
    {
        var result = CliRun.Succeeds("migrate", s_multiVm, "--vm", "L2", "--bandwidth", "1G");

        Snapshot.Match(result.Out);
    }

    [Fact]
    public void Migrate_Json_RoundsAddUpAndCompressionBeatsRawPages()
    {
        // guest-ram-content.trace: vmB at t00, 1,024 pages with their bytes and no accesses: one round, then an
        // empty stop-and-copy. lz4 must send fewer bytes than the same pages uncompressed.
        using var lz4 = JsonDocument.Parse(CliRun.Succeeds("migrate", s_content, "--vm", "vmB", "--json").Out);
        using var none = JsonDocument.Parse(
            CliRun.Succeeds("migrate", s_content, "--vm", "vmB", "--codec", "none", "--json").Out);

        var rounds = lz4.RootElement.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(2, rounds.Count);
        Assert.Equal(0, rounds[1].GetProperty("pages").GetInt64());
        Assert.Equal(1024, lz4.RootElement.GetProperty("pages").GetInt64());
        Assert.Equal(rounds.Sum(r => r.GetProperty("bytes").GetInt64()), lz4.RootElement.GetProperty("total_bytes").GetInt64());
        Assert.True(lz4.RootElement.GetProperty("total_bytes").GetInt64() < none.RootElement.GetProperty("total_bytes").GetInt64());
        Assert.True(none.RootElement.GetProperty("total_bytes").GetInt64() < none.RootElement.GetProperty("raw_bytes").GetInt64(),
            "zero pages and duplicates alone must save something");
    }

    [Fact]
    public void Migrate_UnknownCodec_OneLine()
    {
        var line = CliRun.FailsWithOneLine("migrate", s_content, "--vm", "vmA", "--codec", "lz5");

        Assert.Contains("--codec: unknown compression codec 'lz5'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_SeveralVmsAndNoVm_OneLine()
    {
        var line = CliRun.FailsWithOneLine("migrate", s_multiVm);

        Assert.Contains("--vm:", line, StringComparison.Ordinal);
        Assert.Contains("L1a, L1b, L2", line, StringComparison.Ordinal);
    }
}
