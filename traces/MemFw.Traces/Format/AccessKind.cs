using System.Text.Json.Serialization;

namespace MemFw.Traces.Format;

/// <summary>What a memory access did, as stored in the <c>kind</c> column of <c>accesses.parquet</c>.</summary>
/// <remarks>The numeric values are part of the trace format and never change.</remarks>
public enum AccessKind : byte
{
    /// <summary>A data load.</summary>
    [JsonStringEnumMemberName("read")]
    Read = 0,

    /// <summary>A data store; sets the page's Dirty bit in a replay.</summary>
    [JsonStringEnumMemberName("write")]
    Write = 1,

    /// <summary>An instruction fetch.</summary>
    [JsonStringEnumMemberName("fetch")]
    Fetch = 2,
}
