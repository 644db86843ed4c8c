using System.Reflection;
using System.Runtime.Loader;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Generators.Tests;

/// <summary>
/// Generated code at work: a plugin assembly compiled in memory, loaded, its registry found through the assembly
/// attribute, its options bound from text and its policies replayed.
/// </summary>
public sealed class GeneratedPluginBehaviorTests
{
    /// <summary>
    /// A FIFO-like policy with options, one without options that always evicts frame 0, and one that logs the calls
    /// its generated dispatch forwards.
    /// </summary>
    private const string Plugins = """
        using System;
        using MemFw.Framework.Plugins;
        using MemFw.Framework.Replacement;

        namespace Lab.Behavior;

        /// <summary>Which frame the test policy evicts.</summary>
        public enum VictimChoice { Oldest, Newest }

        public sealed record FifoOptions
        {
            /// <summary>Which frame to evict.</summary>
            public VictimChoice Victim { get; init; } = VictimChoice.Oldest;

            /// <summary>A window, 1 to 64.</summary>
            public int Window
            {
                get;
                init
                {
                    ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "window");
                    ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 64, "window");
                    field = value;
                }
            } = 4;
        }

        [ReplacementPolicy("test-first", Description = "Always evicts frame 0", Source = "Tests")]
        public sealed class FirstFrame : IReplacementPolicy
        {
            public void OnHit(int frame, bool write) { }
            public void OnInsert(int frame, bool write) { }
            public int SelectVictim(int page) => 0;
            public void OnRemove(int frame) { }
            public void OnTick() { }
        }

        [ReplacementPolicy("test-log", Description = "Logs every call", Source = "Tests")]
        public sealed class CallLog : IReplacementPolicy
        {
            private string _log = "";

            public void OnHit(int frame, bool write) => _log += $"hit {frame} {write}; ";
            public void OnInsert(int frame, bool write) => _log += $"insert {frame} {write}; ";
            public int SelectVictim(int page) { _log += $"victim for {page}; "; return 3; }
            public void OnRemove(int frame) => _log += $"remove {frame}; ";
            public void OnTick() => _log += "tick";
            public override string ToString() => _log;
        }

        [ReplacementPolicy("test-fifo", Description = "FIFO, or evicts the newest page", Source = "Tests")]
        public sealed class TestFifo(ReplacementContext context, FifoOptions options) : IReplacementPolicy
        {
            private int _next;
            private int _newest;

            public void OnHit(int frame, bool write) { }

            public void OnInsert(int frame, bool write) => _newest = frame;

            public int SelectVictim(int page)
            {
                if (options.Victim == VictimChoice.Newest)
                {
                    return _newest;
                }

                // The engine fills frames 0, 1, ... in order and refills a victim's frame: cycling is FIFO.
                var victim = _next;
                _next = (_next + 1) % context.FrameCount;
                return victim;
            }

            public void OnRemove(int frame) { }

            public void OnTick() { }
        }
        """;

    /// <summary>Belady's reference string.</summary>
    private static readonly int[] s_pages = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5];

    private static readonly Lazy<IPluginRegistry> s_registry = new(LoadRegistry);

    [Fact]
    public void Registry_ListsPluginsInNameOrderWithTheirOptions()
    {
        var policies = s_registry.Value.ReplacementPolicies;

        Assert.Equal(["test-fifo", "test-first", "test-log"], policies.Select(p => p.Name));
        Assert.Equal("Lab.Behavior.TestFifo", policies[0].TypeName);
        Assert.Equal(
            [
                new OptionDescriptor("victim", "VictimChoice", "VictimChoice.Oldest", "Which frame to evict."),
                new OptionDescriptor("window", "int", "4", "A window, 1 to 64."),
            ],
            policies[0].Options);
        Assert.Empty(policies[1].Options);
    }

    [Fact]
    public void Dispatch_ForwardsEveryPrimitiveToThePlugin()
    {
        var assembly = s_registry.Value.GetType().Assembly;
        var plugin = Activator.CreateInstance(assembly.GetType("Lab.Behavior.CallLog", throwOnError: true)!)!;
        var dispatch = (IReplacementPolicy)Activator.CreateInstance(
            assembly.GetType("MemFw.Generated.Lab_Behavior_CallLogDispatch", throwOnError: true)!, plugin)!;

        dispatch.OnHit(1, true);
        dispatch.OnInsert(2, false);
        Assert.Equal(3, dispatch.SelectVictim(FrameTable.NoPage));
        dispatch.OnRemove(3);
        dispatch.OnTick();

        Assert.Equal("hit 1 True; insert 2 False; victim for -1; remove 3; tick", plugin.ToString());
    }

    [Fact]
    public void Run_FifoDefaults_FaultsNineTimes()
    {
        // Frames after each access (oldest first), F = fault:
        // 1 F [1] · 2 F [1 2] · 3 F [1 2 3] · 4 F [2 3 4] · 1 F [3 4 1] · 2 F [4 1 2] · 5 F [1 2 5]
        // 1 hit · 2 hit · 3 F [2 5 3] · 4 F [5 3 4] · 5 hit  →  9 faults.
        Assert.Equal(9, Run("test-fifo").Counters.Faults);
    }

    [Fact]
    public void Run_VictimNewestInAnyCase_FaultsEightTimes()
    {
        // Evicting the newest page keeps 1 and 2 resident after the first three faults:
        // 1 F · 2 F · 3 F · 4 F (evicts 3) · 1 hit · 2 hit · 5 F (evicts 4) · 1 hit · 2 hit · 3 F (evicts 5)
        // 4 F (evicts 3) · 5 F (evicts 4)  →  8 faults.
        var result = Run("test-fifo", ("victim", "NEWEST"), ("window", "64"));

        Assert.Equal(8, result.Counters.Faults);
        Assert.Equal("test-fifo", result.Policy);
    }

    [Fact]
    public void Run_PluginWithoutOptions_FaultsNineTimes()
    {
        // Frame 0 takes every new page once the others hold 2 and 3:
        // 1 F · 2 F · 3 F · 4 F · 1 F · 2 hit · 5 F · 1 F · 2 hit · 3 hit · 4 F · 5 F  →  9 faults.
        Assert.Equal(9, Run("test-first").Counters.Faults);
    }

    [Fact]
    public void Bind_UnknownOption_ThrowsListingTheOptions() =>
        Assert.Equal(
            "policy 'test-fifo': unknown option 'windw'; options: victim, window",
            Assert.Throws<PluginOptionException>(() => Bind("test-fifo", ("windw", "3"))).Message);

    [Fact]
    public void Bind_AnyOptionOfPluginWithoutOptions_Throws() =>
        Assert.Equal(
            "policy 'test-first': unknown option 'window'; options: none",
            Assert.Throws<PluginOptionException>(() => Bind("test-first", ("window", "3"))).Message);

    [Theory]
    [InlineData("window", "x", "policy 'test-fifo': option 'window' expects an int, found 'x'")]
    [InlineData("window", "1.5", "policy 'test-fifo': option 'window' expects an int, found '1.5'")]
    [InlineData("victim", "random",
        "policy 'test-fifo': option 'victim' expects one of Oldest, Newest, found 'random'")]
    public void Bind_MalformedValue_ThrowsNamingTheExpectedType(string option, string text, string message) =>
        Assert.Equal(message, Assert.Throws<PluginOptionException>(() => Bind("test-fifo", (option, text))).Message);

    [Fact]
    public void Bind_ValueTheRecordRejects_WrapsItsException()
    {
        var exception = Assert.Throws<PluginOptionException>(() => Bind("test-fifo", ("window", "0")));

        Assert.StartsWith("policy 'test-fifo': option 'window' does not accept '0': ", exception.Message,
            StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(exception.InnerException);
    }

    private static IReplacementRunner Bind(string policy, params (string, string)[] options) =>
        s_registry.Value.ReplacementPolicies.Single(p => p.Name == policy)
            .Bind(new OptionValues(options.Select(o => KeyValuePair.Create(o.Item1, o.Item2))));

    private static ReplayResult Run(string policy, params (string, string)[] options)
    {
        using var form = ReplayForm.FromPages(s_pages);
        return Bind(policy, options).Run(form, new ReplaySettings { Frames = 3 });
    }

    /// <summary>Compiles <see cref="Plugins"/> with the generator, loads it and creates its registry.</summary>
    private static IPluginRegistry LoadRegistry()
    {
        var run = GeneratorHarness.Run(Plugins);
        Assert.Empty(run.Diagnostics);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;

        var assembly = new AssemblyLoadContext("memfw-generated-plugins").LoadFromStream(image);
        var registryType = assembly.GetCustomAttribute<PluginRegistryAttribute>()!.RegistryType;
        return (IPluginRegistry)Activator.CreateInstance(registryType)!;
    }
}
