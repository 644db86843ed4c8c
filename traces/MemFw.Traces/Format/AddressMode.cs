using System.Text.Json.Serialization;

namespace MemFw.Traces.Format;

/// <summary>How a VM's guest-virtual and guest-physical address columns relate.</summary>
public enum AddressMode
{
    /// <summary>The capture recorded both addresses (for example a QEMU TCG plugin): they are independent.</summary>
    [JsonStringEnumMemberName("translated")]
    Translated,

    /// <summary>
    /// The capture carried one address per access (a process's virtual address from lackey or vmsim); it is stored
    /// as both columns, as if the guest were identity-mapped.
    /// </summary>
    [JsonStringEnumMemberName("identity")]
    Identity,
}
