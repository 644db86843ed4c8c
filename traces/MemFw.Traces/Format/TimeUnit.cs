using System.Text.Json.Serialization;

namespace MemFw.Traces.Format;

/// <summary>The unit of the <c>time</c> column of a trace, recorded in its metadata.</summary>
public enum TimeUnit
{
    /// <summary>No clock: time is the access's ordinal within its own capture (0, 1, 2, ...).</summary>
    [JsonStringEnumMemberName("ordinal")]
    Ordinal,

    /// <summary>Nanoseconds since the start of the capture.</summary>
    [JsonStringEnumMemberName("ns")]
    Nanoseconds,
}
