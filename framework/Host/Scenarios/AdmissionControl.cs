namespace MemFw.Framework.Host.Scenarios;

/// <summary>
/// ESX's admission control: a scenario runs only if the host can back every VM's guarantee (min) plus its per-VM
/// overhead with machine memory at once (ESX installation guide, pages 396-398; vmm-facts section 1).
/// </summary>
/// <remarks>
/// Limits, shares and installed memory do not count: memory above the guarantees is overcommitted and reclaimed under
/// pressure. ESX also reserves swap space (max - min) per VM; the backing store here is unbounded, so that check has no
/// counterpart. <see cref="ScenarioParser"/> applies it to every file it reads.
/// </remarks>
public static class AdmissionControl
{
    /// <summary>Sums the guarantees and overheads of the VMs of <paramref name="scenario"/>, against its RAM.</summary>
    /// <remarks>Does not throw on a refusal: see <see cref="AdmissionDecision.Admitted"/>.</remarks>
    public static AdmissionDecision Evaluate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new AdmissionDecision(
            scenario.Vms.Sum(v => v.GuaranteeBytes),
            scenario.Vms.Sum(v => v.OverheadBytes),
            scenario.Host.RamBytes);
    }
}
