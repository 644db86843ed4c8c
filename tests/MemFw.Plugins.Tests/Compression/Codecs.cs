using MemFw.Cli.Tests;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Plugins.Tests.Compression;

/// <summary>
/// The built-in codecs as a host reaches them (through the generated registry), and pages to feed them.
/// </summary>
internal static class Codecs
{
    public const int PageSize = TraceFormat.PageSize;

    private static readonly IPluginRegistry s_registry = new Generated.MemFwPluginRegistry();

    private static readonly Lazy<IReadOnlyList<byte[]>> s_samplePages = new(() =>
        CodecMeasurement.ReadPages(Trace.Open(RepositoryPaths.Sample("guest-ram-content.trace")), distinct: true));

    /// <summary>Every built-in codec's name, in the registry's (name) order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. s_registry.CompressionCodecs.Select(d => d.Name)];

    /// <summary>Every built-in codec's name, for theories: a new codec is covered without an edit.</summary>
    public static TheoryData<string> Names => [.. All];

    /// <summary>
    /// The distinct page contents of the bundled <c>guest-ram-content.trace</c>: real guest RAM (kernel data, page
    /// tables, 0xCC and 0xFF fills, text), each content once.
    /// </summary>
    public static IReadOnlyList<byte[]> SamplePages => s_samplePages.Value;

    /// <summary>The first 100 of <see cref="SamplePages"/>, for comparing slow levels.</summary>
    public static IReadOnlyList<byte[]> SomeSamplePages => [.. SamplePages.Take(100)];

    /// <summary>A new codec <paramref name="name"/> with <paramref name="options"/> bound from text.</summary>
    public static ICompressionCodec Create(string name, params (string Name, string Value)[] options) =>
        s_registry.CompressionCodecs.Single(d => d.Name == name)
            .Bind(new OptionValues(options.Select(o => KeyValuePair.Create(o.Name, o.Value))))(
                new HostPluginContext(Seed: 1, RebalancePeriod: 1));

    /// <summary><paramref name="length"/> bytes from a seeded generator.</summary>
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A page of English-like text: lines of words drawn from a small vocabulary.</summary>
    public static byte[] TextPage(int seed)
    {
        string[] words = ["the", "page", "memory", "guest", "host", "swap", "of", "and", "balloon", "frame", "to"];
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        while (text.Length < PageSize)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(8) == 0 ? '\n' : ' ');
        }

        return System.Text.Encoding.ASCII.GetBytes(text.ToString(0, PageSize));
    }

    /// <summary>Compresses <paramref name="input"/> and returns exactly the bytes written.</summary>
    public static byte[] Compress(ICompressionCodec codec, ReadOnlySpan<byte> input)
    {
        var output = new byte[codec.MaxCompressedLength(input.Length)];
        return output[..codec.Compress(input, output)];
    }

    /// <summary>
    /// Decompresses <paramref name="compressed"/> into a buffer of <paramref name="capacity"/> bytes.
    /// </summary>
    public static byte[] Decompress(ICompressionCodec codec, ReadOnlySpan<byte> compressed, int capacity = PageSize)
    {
        var output = new byte[capacity];
        return output[..codec.Decompress(compressed, output)];
    }
}
