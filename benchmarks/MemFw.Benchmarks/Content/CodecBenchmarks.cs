using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using MemFw.Benchmarks.Replay;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Content;

/// <summary>
/// Compression and decompression speed of every built-in codec on real guest pages (every page with content of
/// <c>guest-ram-content.trace</c>, 7,884 pages, 32 MB), as ratios against copying the same pages (memcpy), with
/// each codec's compression ratio on those pages.
/// </summary>
/// <remarks>
/// One operation handles every page once. Two columns are added: <c>MB/s</c>, page bytes per second of the mean, and
/// <c>CompressionRatio</c>, bytes in per byte out of the codec on the same pages (<see cref="CodecMeasurement"/>,
/// computed in the host process, so it costs the measurement nothing).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(CodecConfig))]
public class CodecBenchmarks
{
    /// <summary>Every page with content of the content trace, read once per process.</summary>
    private static readonly Lazy<IReadOnlyList<byte[]>> s_samplePages = new(() =>
        CodecMeasurement.ReadPages(Trace.Open(BenchmarkData.ContentTracePath), distinct: false));

    private byte[][] _pages = [];
    private byte[][] _compressed = [];
    private byte[] _buffer = [];
    private ICompressionCodec _codec = null!;

    /// <summary>The codec measured: every built-in one.</summary>
    [ParamsSource(nameof(CodecNames))]
    public string Codec { get; set; } = "";

    /// <summary>The built-in codecs' names.</summary>
    public static IEnumerable<string> CodecNames => BuiltInPolicies.Registry.CompressionCodecs.Select(d => d.Name);

    /// <summary>Reads the pages and compresses each once, for the decompression benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pages = [.. s_samplePages.Value];
        _codec = CreateCodec(Codec);
        _buffer = new byte[_codec.MaxCompressedLength(TraceFormat.PageSize)];
        _compressed = [.. _pages.Select(page => _buffer[.._codec.Compress(page, _buffer)])];
    }

    /// <summary>Copies every page: the floor any codec is compared with.</summary>
    [Benchmark(Baseline = true)]
    public long Memcpy()
    {
        long sum = 0;
        foreach (var page in _pages)
        {
            page.CopyTo(_buffer, 0);
            sum += _buffer[page.Length - 1];
        }

        return sum;
    }

    /// <summary>Compresses every page.</summary>
    [Benchmark]
    public long Compress()
    {
        long sum = 0;
        foreach (var page in _pages)
        {
            sum += _codec.Compress(page, _buffer);
        }

        return sum;
    }

    /// <summary>Decompresses every page.</summary>
    [Benchmark]
    public long Decompress()
    {
        long sum = 0;
        foreach (var compressed in _compressed)
        {
            sum += _codec.Decompress(compressed, _buffer);
        }

        return sum;
    }

    /// <summary>A new codec <paramref name="name"/> with its default options.</summary>
    private static ICompressionCodec CreateCodec(string name) =>
        BuiltInPolicies.Registry.CompressionCodecs.Single(d => d.Name == name).Bind(OptionValues.Empty)(
            new HostPluginContext(Seed: 0, RebalancePeriod: 1));

    /// <summary>One short job and the two columns.</summary>
    private sealed class CodecConfig : ManualConfig
    {
        public CodecConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(7));
            AddColumn(new CodecColumn("MB/s", "Page bytes per second of the mean, in MB (10^6 bytes)",
                (_, mean) => Invariant(s_samplePages.Value.Sum(p => (long)p.Length) / mean * 1e3, "F0"),
                codecRowsOnly: false));
            AddColumn(new CodecColumn("CompressionRatio", "Bytes in per byte out of the codec on the same pages",
                (codec, _) => Invariant(s_ratios.GetOrAdd(codec,
                    name => CodecMeasurement.Measure(CreateCodec(name), s_samplePages.Value).Ratio), "F2"),
                codecRowsOnly: true));
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> s_ratios = new();

        private static string Invariant(double value, string format) =>
            value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }
}
