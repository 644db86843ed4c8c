using System.Text.Json;
using MemFw.Traces.Format;

namespace MemFw.Cli.Tests.Commands;

/// <summary><c>memfw replay</c>: figures on the bundled real sample checked against an independent LRU, options, errors.</summary>
public sealed class ReplayCommandTests
{
    private static readonly string s_sample = RepositoryPaths.Sample("linux-guest.trace");

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(300)]
    public void Replay_LruOnRealSample_FaultsEqualAnIndependentLru(int frames)
    {
        var expected = IndependentLru(s_sample, frames);

        var json = ReplayJson("--policy", "lru", "--frames", frames.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected.Accesses, json.GetProperty("accesses").GetInt64());
        Assert.Equal(expected.Faults, json.GetProperty("faults").GetInt64());
        Assert.Equal(expected.Pages, json.GetProperty("first_touch_faults").GetInt64());
        Assert.Equal(expected.Pages, json.GetProperty("distinct_pages").GetInt64());
        Assert.Equal(expected.Io, json.GetProperty("io_accesses").GetInt64());
        Assert.Equal(json.GetProperty("accesses").GetInt64(),
            json.GetProperty("hits").GetInt64() + json.GetProperty("faults").GetInt64());
    }

    [Fact]
    public void Replay_OptionAsFlagOrInSpec_SameResult()
    {
        var flag = ReplayJson("--policy", "aging", "--frames", "32", "--bits", "2", "--tick", "1000");
        var spec = ReplayJson("--policy", "aging:bits=2", "--frames", "32", "--tick", "1000");
        var defaults = ReplayJson("--policy", "aging", "--frames", "32", "--tick", "1000");

        Assert.Equal(flag.GetProperty("faults").GetInt64(), spec.GetProperty("faults").GetInt64());
        Assert.NotEqual(defaults.GetProperty("faults").GetInt64(), spec.GetProperty("faults").GetInt64());
    }

    [Fact]
    public void Replay_Warmup_ExcludesWarmupAccessesFromCounts()
    {
        var all = ReplayJson("--policy", "fifo", "--frames", "64");
        var warm = ReplayJson("--policy", "fifo", "--frames", "64", "--warmup", "500000");

        Assert.Equal(500_000, warm.GetProperty("warmup_accesses").GetInt64());
        Assert.Equal(all.GetProperty("accesses").GetInt64() - 500_000, warm.GetProperty("accesses").GetInt64());
        Assert.True(warm.GetProperty("faults").GetInt64() < all.GetProperty("faults").GetInt64());
    }

    [Fact]
    public void Replay_Text_SummarizesTheRun()
    {
        var result = CliRun.Succeeds("replay", s_sample, "--policy", "clock", "--frames", "1M", "--quiet");

        Assert.Contains("policy        clock", result.Out, StringComparison.Ordinal);
        Assert.Contains("frames        256 (1 MiB) for 636 distinct pages", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lur", "unknown policy 'lur'; did you mean 'lfu' or 'lru'?")]
    [InlineData("aging:bitz=3", "policy 'aging': unknown option 'bitz'")]
    [InlineData("aging:bits=x", "policy 'aging': option 'bits' expects")]
    [InlineData("aging:bits=0", "policy 'aging': option 'bits'")]
    public void Replay_BadPolicy_OneLineError(string policy, string expected)
    {
        var line = CliRun.FailsWithOneLine("replay", s_sample, "--policy", policy, "--frames", "16", "--quiet");

        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "--frames: expected a positive number of frames")]
    [InlineData("lots", "--frames: expected a size such as")]
    public void Replay_BadFrames_OneLineError(string frames, string expected)
    {
        var line = CliRun.FailsWithOneLine("replay", s_sample, "--policy", "lru", "--frames", frames, "--quiet");

        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_UnknownVm_OneLineNamingTheVms()
    {
        var line = CliRun.FailsWithOneLine("replay", s_sample, "--policy", "lru", "--frames", "16", "--vm", "nope");

        Assert.Contains("--vm: no VM 'nope'", line, StringComparison.Ordinal);
        Assert.Contains("linux-guest", line, StringComparison.Ordinal);
    }

    private static JsonElement ReplayJson(params string[] args)
    {
        var result = CliRun.Succeeds(["replay", s_sample, .. args, "--json", "--quiet"]);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    /// <summary>
    /// LRU misses computed apart from MemFw's engine: the page stream is read from the trace, and LRU is a plain
    /// list, most recent last, searched linearly (Mattson's stack: a page misses when its stack distance exceeds the
    /// frames).
    /// </summary>
    private static (long Accesses, long Faults, long Pages, long Io) IndependentLru(string path, int frames)
    {
        var stack = new List<ulong>();
        long accesses = 0, faults = 0, io = 0;
        using var reader = Trace.Open(path).OpenAccesses(AccessColumns.Replay);
        var batch = new AccessBatch();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Io[i])
                {
                    io++;
                    continue;
                }

                accesses++;
                var page = ((ulong)batch.Vm[i] << 48) | (batch.Gpa[i] >> 12);
                // The most recent page is last; the stack distance counts from the end.
                var index = stack.LastIndexOf(page);
                var depth = index < 0 ? int.MaxValue : stack.Count - 1 - index;
                if (depth >= frames)
                {
                    faults++;
                }

                if (index >= 0)
                {
                    stack.RemoveAt(index);
                }

                stack.Add(page);
            }
        }

        return (accesses, faults, stack.Count, io);
    }
}
