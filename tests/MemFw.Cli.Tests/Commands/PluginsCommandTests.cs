using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Cli.Tests.Commands;

/// <summary>
/// <c>memfw plugins</c> and run-time loading of third-party plugin assemblies: the example plugin built beside the
/// repository appears, replays with the same dispatch as built-ins, and broken, throwing or clashing plugins give one
/// line naming the assembly and the plugin.
/// </summary>
public sealed class PluginsCommandTests
{
    private static readonly string s_mru = RepositoryPaths.PluginBuild("examples/MruPolicy");
    private static readonly string s_throwing = RepositoryPaths.PluginBuild("tests/Plugins/ThrowingPolicy");
    private static readonly string s_clashing = RepositoryPaths.PluginBuild("tests/Plugins/ClashingPolicy");

    [Fact]
    public void Plugins_BuiltIn_ListsEveryPolicyWithSourceAndOptions()
    {
        var result = CliRun.Succeeds("plugins");

        foreach (var name in new[] { "lru", "fifo", "nfu", "aging", "nru", "second-chance", "clock", "wsclock",
                     "random", "lfu", "opt", "arc", "clock-pro", "2q" })
        {
            Assert.Contains(result.OutLines, l => l.StartsWith(Row("replacement", name), StringComparison.Ordinal));
        }

        Assert.Contains("--bits <int> (default 8)", result.Out, StringComparison.Ordinal);
        Assert.Contains("assembly: MemFw.Plugins (built-in)", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("victim-selector", "max-over-guarantee,shares,max-over-wss,round-robin,idle-tax,communism")]
    [InlineData("balloon", "esx,mom,xen-selfballoon,citrix-dmc")]
    [InlineData("working-set", "esx-sampling,exact-window")]
    [InlineData("compression-codec", "lzrw1,lzrw4,lz4,zstd")]
    public void Plugins_HostKind_ListsOnlyThatKind(string kind, string names)
    {
        var result = CliRun.Succeeds("plugins", "--kind", kind);

        var listed = result.OutLines.Where(l => !l.StartsWith("source:", StringComparison.Ordinal)
                && !l.StartsWith("assembly:", StringComparison.Ordinal) && !l.StartsWith("--", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.All(listed, l => Assert.Equal(kind, l[0]));
        Assert.Equal(names.Split(',').Order(StringComparer.Ordinal), listed.Select(l => l[1]));
    }

    [Fact]
    public void Plugins_ExternalFolder_ListsThePluginWithItsAssembly()
    {
        var result = CliRun.Succeeds("plugins", "--plugins", s_mru);

        Assert.Contains(result.OutLines, l => l.StartsWith(Row("replacement", "mru"), StringComparison.Ordinal));
        Assert.Contains("assembly: MemFw.Examples.Mru (", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ExternalPolicy_ReplaysLikeABuiltIn()
    {
        // MRU evicts the page of the previous access. The loop 1,2,3,4 three times with 3 frames, by hand:
        //   pass 1: 1 F {1}, 2 F {1,2}, 3 F {1,2,3}, 4 F evicts 3 {1,2,4}
        //   pass 2: 1 hit, 2 hit, 3 F evicts 2 {1,3,4}, 4 hit
        //   pass 3: 1 hit, 2 F evicts 1 {2,3,4}, 3 hit, 4 hit
        // = 6 faults (4 first touches), 6 hits, 3 evictions. FIFO faults on every access of the loop: after pass 1
        // each fault evicts exactly the page needed three accesses later, so 12 faults and 9 evictions.
        using var folder = new TempDirectory();
        var vmsim = Path.Combine(folder.Path, "loop.vmsim");
        File.WriteAllLines(vmsim, Enumerable.Range(0, 12).Select(i => $"{(i % 4) + 1}000 R"));
        var trace = Path.Combine(folder.Path, "loop.trace");
        CliRun.Succeeds("trace", "import", "--format", "vmsim", vmsim, "-o", trace, "--quiet");

        var result = CliRun.Succeeds("compare", trace, "--policies", "mru,fifo", "--frames", "3", "--format", "csv",
            "--plugins", s_mru, "--quiet");

        Assert.Equal(
            ["policy,frames,accesses,hits,faults,fault_rate,first_touch_faults,refaults,evictions,writebacks",
             "mru,3,12,6,6,0.500000,4,2,3,0",
             "fifo,3,12,0,12,1.000000,4,8,9,0"],
            result.OutLines);
    }

    [Fact]
    public void Plugins_EnvironmentVariable_LoadsTheFolder()
    {
        var result = CliRun.RunWithEnvironment(("MEMFW_PLUGINS", s_mru), "plugins");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith(Row("replacement", "mru"), StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_ThrowingPlugin_OneLineNamingPolicyAndAssembly()
    {
        var line = CliRun.FailsWithOneLine("replay", RepositoryPaths.Sample("linux-guest.trace"), "--policy",
            "throwing", "--frames", "16", "--plugins", s_throwing, "--quiet");

        Assert.Contains("policy 'throwing' (MemFw.Tests.ThrowingPolicy", line, StringComparison.Ordinal);
        Assert.Contains("this policy always fails", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Plugins_NameOfABuiltIn_OneLineNamingBothAssemblies()
    {
        var line = CliRun.FailsWithOneLine("plugins", "--plugins", s_clashing);

        Assert.Contains("plugin 'lru' of ", line, StringComparison.Ordinal);
        Assert.Contains("MemFw.Tests.ClashingPolicy.dll", line, StringComparison.Ordinal);
        Assert.Contains("(MemFw.Plugins)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Plugins_BrokenAssembly_OneLineNamingTheFile()
    {
        using var folder = new TempDirectory();
        var dll = Path.Combine(folder.Path, "Broken.dll");
        File.WriteAllBytes(dll, [0x4D, 0x5A, 0x00, 0x01, 0x02, 0x03]);
        File.Copy(Path.Combine(s_mru, "MemFw.Examples.Mru.deps.json"), Path.Combine(folder.Path, "Broken.deps.json"));

        var line = CliRun.FailsWithOneLine("plugins", "--plugins", folder.Path);

        Assert.Contains($"plugin assembly {dll}: cannot be loaded", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Plugins_MissingFolder_OneLineNamingIt()
    {
        var line = CliRun.FailsWithOneLine("plugins", "--plugins", "/nonexistent/memfw-plugins");

        Assert.Equal("memfw: error: /nonexistent/memfw-plugins: plugin folder not found", line);
    }

    /// <summary>The start of a plugin's first line: its kind, padded to the longest kind, then its name.</summary>
    private static string Row(string kind, string name) => $"{kind,-17} {name} ";
}
