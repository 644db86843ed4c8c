using System.Globalization;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Plugins;

namespace MemFw.Framework.Content.Backing;

/// <summary>
/// How a backing store that compresses takes its CPU cost from a codec's measured speed: the store declares the options
/// <c>codec</c>, <c>compress-mb-per-s</c> and <c>decompress-mb-per-s</c>; whoever binds the store's spec resolves the
/// codec the spec names and passes that codec's <see cref="ICompressionCodec.CompressMbPerS"/> and
/// <see cref="ICompressionCodec.DecompressMbPerS"/> as the two speed options, unless the spec sets them.
/// </summary>
/// <remarks>
/// A plugin is bound from its option text and created with a <see cref="Host.HostPluginContext"/>: it cannot see the
/// codec plugins, which may come from assemblies loaded at run time, so the binder (which has the plugin catalog)
/// resolves the name. A spec that names no codec keeps the store's own speed defaults, which are its default codec's.
/// </remarks>
public static class CodecSpeedOptions
{
    /// <summary>The option naming the codec.</summary>
    public const string Codec = "codec";

    /// <summary>The option the codec's compression speed goes to, MB/s.</summary>
    public const string CompressMbPerS = "compress-mb-per-s";

    /// <summary>The option the codec's decompression speed goes to, MB/s.</summary>
    public const string DecompressMbPerS = "decompress-mb-per-s";

    /// <summary>
    /// <paramref name="spec"/> with the speeds of the codec it names (or, for a store that takes a codec but names
    /// none, <paramref name="defaultCodec"/>) added as options; unchanged for a store without a codec option.
    /// </summary>
    /// <param name="spec">A backing store's spec, such as <c>compressed-ram:codec=zstd</c>.</param>
    /// <param name="takesCodec">Whether the store has a <c>codec</c> option.</param>
    /// <param name="defaultCodec">The codec name a store that takes one gets by default: the scenario's codec.</param>
    /// <param name="createCodec">Creates the codec of a name; disposed of (if disposable) once its speeds are read.</param>
    /// <exception cref="ArgumentException"><paramref name="createCodec"/>'s, for an unknown codec.</exception>
    public static PolicySpec Resolve(PolicySpec spec, bool takesCodec, string defaultCodec,
        Func<string, ICompressionCodec> createCodec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(createCodec);
        if (!takesCodec)
        {
            return spec;
        }

        if (!spec.Values.TryGet(Codec, out var name))
        {
            name = defaultCodec;
            spec = spec with { Options = [.. spec.Options, new(Codec, name)] };
        }

        var codec = createCodec(name);
        var speeds = (codec.CompressMbPerS, codec.DecompressMbPerS);
        (codec as IDisposable)?.Dispose();
        var values = spec.Values;
        List<KeyValuePair<string, string>> options = [.. spec.Options];
        foreach (var (option, speed) in new[] { (CompressMbPerS, speeds.Item1), (DecompressMbPerS, speeds.Item2) })
        {
            if (!values.TryGet(option, out _))
            {
                options.Add(new(option, speed.ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        return spec with { Options = options };
    }
}
