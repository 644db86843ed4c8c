using MemFw.Framework.Parsing;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>What admission control found: the memory a scenario's VMs must be guaranteed, and the host's RAM.</summary>
/// <param name="GuaranteeBytes">The sum of the VMs' guarantees.</param>
/// <param name="OverheadBytes">The sum of the VMs' overheads.</param>
/// <param name="HostRamBytes">The host's RAM.</param>
public sealed record AdmissionDecision(long GuaranteeBytes, long OverheadBytes, long HostRamBytes)
{
    /// <summary>What the host must reserve: guarantees plus overheads.</summary>
    public long RequiredBytes => GuaranteeBytes + OverheadBytes;

    /// <summary>Whether the scenario fits: the required memory is at most the host's RAM.</summary>
    public bool Admitted => RequiredBytes <= HostRamBytes;

    /// <summary>One line with the numbers: what is needed, what the host has, by how much it fails or fits.</summary>
    public string Explanation =>
        $"admission control: guarantees ({ByteSize.Format(GuaranteeBytes)}) plus per-VM overheads " +
        $"({ByteSize.Format(OverheadBytes)}) need {ByteSize.Format(RequiredBytes)}, " +
        (Admitted
            ? $"within host RAM {ByteSize.Format(HostRamBytes)} " +
              $"({ByteSize.Format(HostRamBytes - RequiredBytes)} to spare)"
            : $"more than host RAM {ByteSize.Format(HostRamBytes)} " +
              $"by {ByteSize.Format(RequiredBytes - HostRamBytes)}; " +
              "lower a guarantee or an overhead, or raise host.ram");
}
