namespace MemFw.Generators.Tests;

/// <summary>
/// Sources of plugins created with a <c>HostPluginContext</c> (victim selectors, balloon strategies, working-set
/// estimators, compression codecs) for tests.
/// </summary>
internal static class HostPluginTestSources
{
    /// <summary>
    /// One plugin of each host kind: the victim selector <c>idle-tax</c> with options (a double, an enum), taking its
    /// options and the context, the balloon strategy <c>half-idle</c> without options or constructor, and
    /// the working-set estimator <c>touched</c> taking only the context.
    /// </summary>
    public const string ThreeKinds = """
        using System;
        using System.Collections.Generic;
        using MemFw.Framework.Host;
        using MemFw.Framework.Plugins;

        namespace Lab.Host;

        /// <summary>In which order the idle-tax selector visits the VMs.</summary>
        public enum VictimOrder
        {
            /// <summary>By VM index, from a start the seed picks.</summary>
            Forward,

            /// <summary>By VM index backwards, from a start the seed picks.</summary>
            Backward,
        }

        /// <summary>Options of <see cref="IdleTaxSelector"/>.</summary>
        public sealed record IdleTaxOptions
        {
            /// <summary>The share of a VM's idle pages that may be reclaimed, 0 to 1. Default 0.75.</summary>
            public double TaxRate
            {
                get;
                init
                {
                    ArgumentOutOfRangeException.ThrowIfNegative(value, "tax-rate");
                    ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1.0, "tax-rate");
                    field = value;
                }
            } = 0.75;

            /// <summary>The order of the VMs; see <see cref="VictimOrder"/>.</summary>
            public VictimOrder Order { get; init; } = VictimOrder.Forward;
        }

        /// <summary>Reclaims idle memory first, as ESX's idle memory tax does.</summary>
        [VictimSelector("idle-tax", Description = "Reclaims idle memory first, taxed at a rate",
            Source = "Waldspurger, OSDI 2002, section 5.2")]
        public sealed class IdleTaxSelector(IdleTaxOptions options, HostPluginContext context) : IVictimSelector
        {
            public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim)
            {
                var left = pagesNeeded;
                for (var n = 0; n < vms.Count && left > 0; n++)
                {
                    var step = options.Order == VictimOrder.Forward ? n : vms.Count - n;
                    var i = (context.Seed + step) % vms.Count;
                    var idle = Math.Max(0, vms[i].GrantedPages - vms[i].ActivePages);
                    reclaim[i] = Math.Min(left, Math.Min(vms[i].ReclaimablePages, (long)(idle * options.TaxRate)));
                    left -= reclaim[i];
                }
            }
        }

        /// <summary>Asks each ballooned VM for half of its granted memory that is not active.</summary>
        [BalloonStrategy("half-idle", Description = "Balloons half of each VM's idle memory", Source = "Tests")]
        internal sealed class HalfIdleBalloon : IBalloonStrategy
        {
            public void SetTargets(HostView host, IReadOnlyList<VmView> vms, Span<long> targets)
            {
                for (var i = 0; i < vms.Count; i++)
                {
                    targets[i] = vms[i].HasBalloon ? Math.Max(0, vms[i].GrantedPages - vms[i].ActivePages) / 2 : 0;
                }
            }
        }

        /// <summary>Counts the pages touched in the last period.</summary>
        [WorkingSetEstimator("touched", Description = "Pages touched in the last period", Source = "Tests")]
        public sealed class TouchedEstimator(HostPluginContext context) : IWorkingSetEstimator
        {
            public long Period => context.RebalancePeriod;

            public long Estimate(VmView vm, IWorkingSetProbe probe, long periodStart) =>
                probe.CountTouchedSince(periodStart);
        }
        """;

    /// <summary>
    /// The compression codec <c>run-length</c>: (count, byte) pairs, with an option (an int) and no context.
    /// </summary>
    public const string Codec = """
        using System;
        using System.IO;
        using MemFw.Framework.Content.Compression;
        using MemFw.Framework.Plugins;

        namespace Lab.Codecs;

        /// <summary>Options of <see cref="RunLengthCodec"/>.</summary>
        public sealed record RunLengthOptions
        {
            /// <summary>The longest run one pair encodes, 1 to 255. Default 255.</summary>
            public int MaxRun
            {
                get;
                init
                {
                    ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "max-run");
                    ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 255, "max-run");
                    field = value;
                }
            } = 255;
        }

        /// <summary>Writes each run of one byte as a (count, byte) pair.</summary>
        [CompressionCodec("run-length", Description = "Runs of one byte as (count, byte) pairs", Source = "Tests")]
        public sealed class RunLengthCodec(RunLengthOptions options) : ICompressionCodec
        {
            public double CompressMbPerS => 100;
            public double DecompressMbPerS => 100;
            public int MaxCompressedLength(int inputLength) => 2 * inputLength;

            public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
            {
                var written = 0;
                for (var i = 0; i < source.Length;)
                {
                    var run = 1;
                    while (run < options.MaxRun && i + run < source.Length && source[i + run] == source[i])
                    {
                        run++;
                    }

                    destination[written++] = (byte)run;
                    destination[written++] = source[i];
                    i += run;
                }

                return written;
            }

            public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
            {
                var written = 0;
                for (var i = 0; i + 1 < source.Length; i += 2)
                {
                    if (written + source[i] > destination.Length)
                    {
                        throw new InvalidDataException("the runs overflow the destination");
                    }

                    destination.Slice(written, source[i]).Fill(source[i + 1]);
                    written += source[i];
                }

                return written;
            }
        }
        """;

    /// <summary>A sharing scanner and a backing store, each without options, for the steps of those kinds.</summary>
    public const string ContentKinds = """
        using System;
        using MemFw.Framework.Content.Backing;
        using MemFw.Framework.Content.Sharing;
        using MemFw.Framework.Host;
        using MemFw.Framework.Plugins;

        namespace Lab.Content;

        /// <summary>Scans nothing.</summary>
        [SharingScanner("idle", Description = "Scans nothing", Source = "Tests")]
        public sealed class IdleScanner(HostPluginContext context) : ISharingScanner
        {
            public TimeSpan Period => TimeSpan.FromMilliseconds(context.Seed % 10 + 1);
            public ScannerCounters Counters => default;
            public void Scan(SharingSpace space) { }
        }

        /// <summary>Keeps nothing.</summary>
        [BackingStore("null", Description = "Refuses every page", Source = "Tests")]
        public sealed class NullStore : IBackingStore
        {
            public long Pages => 0;
            public long Bytes => 0;
            public long MachineFrames => 0;
            public bool InRam => false;
            public bool KeepsEveryPage => false;
            public bool Ephemeral => false;
            public StoreOutcome Store(SwapKey key, long stamp, int compressedBytes) => new(false, 0);
            public bool Contains(SwapKey key, long stamp) => false;
            public LoadOutcome Load(SwapKey key) => LoadOutcome.Miss;
            public void Discard(SwapKey key) { }
        }
        """;

    /// <summary>
    /// A plugin source: class <paramref name="declaration"/> (modifiers, name and base list) marked
    /// <c>[<paramref name="kind"/>(<paramref name="attribute"/>)]</c>, with a body that has the members of all four
    /// contracts created with a <c>HostPluginContext</c> (so any base list compiles), <paramref name="body"/> before
    /// them and <paramref name="extra"/> declarations after the class; all in namespace <paramref name="ns"/>.
    /// </summary>
    public static string HostPlugin(
        string kind,
        string declaration,
        string attribute = "\"test\", Description = \"A test plugin\", Source = \"Tests\"",
        string body = "",
        string extra = "",
        string ns = "Lab") =>
        $$"""
        using System;
        using System.Collections.Generic;
        using MemFw.Framework.Content.Compression;
        using MemFw.Framework.Host;
        using MemFw.Framework.Plugins;

        namespace {{ns}};

        [{{kind}}({{attribute}})]
        {{declaration}}
        {
            {{body}}
            public void Apportion(HostView host, IReadOnlyList<VmView> vms, long pagesNeeded, Span<long> reclaim) { }
            public void SetTargets(HostView host, IReadOnlyList<VmView> vms, Span<long> targets) { }
            public long Period => 1000;
            public long Estimate(VmView vm, IWorkingSetProbe probe, long periodStart) => 0;
            public double CompressMbPerS => 100;
            public double DecompressMbPerS => 100;
            public int MaxCompressedLength(int inputLength) => inputLength;
            public int Compress(ReadOnlySpan<byte> source, Span<byte> destination) => 0;
            public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) => 0;
        }

        {{extra}}
        """;

    /// <summary>Each such kind's attribute and contract, for theories over the four kinds.</summary>
    public static TheoryData<string, string> Kinds => new()
    {
        { "VictimSelector", "IVictimSelector" },
        { "BalloonStrategy", "IBalloonStrategy" },
        { "WorkingSetEstimator", "IWorkingSetEstimator" },
        { "CompressionCodec", "ICompressionCodec" },
    };
}
