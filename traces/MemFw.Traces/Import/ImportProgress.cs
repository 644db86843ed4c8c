namespace MemFw.Traces.Import;

/// <summary>How far an import has come, in input bytes read from disk (compressed bytes for compressed inputs).</summary>
/// <param name="BytesRead">Bytes consumed so far across every input.</param>
/// <param name="BytesTotal">Bytes of every input together.</param>
public readonly record struct ImportProgress(long BytesRead, long BytesTotal);
