using MemFw.Framework.Content.Compression;

namespace MemFw.Framework.Content.Analysis;

/// <summary>A compression codec <see cref="PageContentAnalysis"/> measures, with the label its ratios are keyed by.</summary>
/// <param name="Name">The label, e.g. the codec's spec as typed (<c>zstd:level=9</c>).</param>
/// <param name="Codec">The codec; the analysis uses it from one thread and does not dispose it.</param>
public sealed record NamedCodec(string Name, ICompressionCodec Codec);
