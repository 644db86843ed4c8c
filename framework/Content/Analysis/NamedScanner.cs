using MemFw.Framework.Content.Sharing;

namespace MemFw.Framework.Content.Analysis;

/// <summary>A sharing scanner <see cref="SnapshotScanning"/> runs, with the label its savings are keyed by.</summary>
/// <param name="Name">The label, e.g. the scanner's spec as typed (<c>ksm:pages_to_scan=1000</c>).</param>
/// <param name="Create">Makes a fresh scanner; called once per snapshot time.</param>
public sealed record NamedScanner(string Name, Func<ISharingScanner> Create);
