using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>A capture being converted: it yields one VM's accesses in time order, a batch at a time.</summary>
internal interface IAccessSource : IDisposable
{
    /// <summary>The input's path, for errors.</summary>
    string Path { get; }

    /// <summary>Bytes of the input file consumed so far, for progress.</summary>
    long BytesRead { get; }

    /// <summary>Size of the input file on disk.</summary>
    long BytesTotal { get; }

    /// <summary>Fills <paramref name="batch"/> (from its start) with the next accesses.</summary>
    /// <returns>The number read; 0 at the end of the input.</returns>
    /// <exception cref="TraceInputException">The input is malformed; the message names the line or offset.</exception>
    int Read(AccessBatch batch);
}
