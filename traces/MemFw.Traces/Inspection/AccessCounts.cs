using System.Text.Json.Serialization;

namespace MemFw.Traces.Inspection;

/// <summary>Counts over a set of accesses: by kind, I/O, time span, and the distinct guest pages they touch.</summary>
public record AccessCounts
{
    /// <summary>All accesses.</summary>
    public long Accesses { get; init; }

    /// <summary>Data loads.</summary>
    public long Reads { get; init; }

    /// <summary>Data stores.</summary>
    public long Writes { get; init; }

    /// <summary>Instruction fetches.</summary>
    public long Fetches { get; init; }

    /// <summary>Accesses to device memory (MMIO).</summary>
    public long IoAccesses { get; init; }

    /// <summary>Time of the first access, in the trace's unit; null without accesses.</summary>
    public long? TimeFirst { get; init; }

    /// <summary>Time of the last access, in the trace's unit; null without accesses.</summary>
    public long? TimeLast { get; init; }

    /// <summary>Distinct guest-physical 4 KiB pages touched by RAM (non-I/O) accesses.</summary>
    public long DistinctPages { get; init; }

    /// <summary>The memory those pages cover, in MiB.</summary>
    [JsonPropertyName("footprint_mib")]
    public double FootprintMib => DistinctPages * 4096.0 / (1 << 20);
}
