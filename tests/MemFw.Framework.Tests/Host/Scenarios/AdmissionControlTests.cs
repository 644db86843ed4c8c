using MemFw.Framework.Host.Scenarios;

namespace MemFw.Framework.Tests.Host.Scenarios;

/// <summary>Admission control: guarantees plus overheads must fit in host RAM; a refusal gives the numbers.</summary>
public sealed class AdmissionControlTests
{
    private const long KiB = 1 << 10;
    private const long MiB = 1 << 20;

    /// <summary>
    /// Host 256 MiB, 54 MiB overhead per VM (ESX, 1 vCPU) for three VMs = 162 MiB, so the guarantees may sum to 94 MiB:
    /// L1a 64 MiB + L1b <paramref name="l1bGuarantee"/> + L2 0.
    /// </summary>
    private static string Yaml(string l1bGuarantee) => $$"""
        host:
          ram: 256M
          overhead: 54M
        vms:
          - {trace: {multi}, trace-vm: L1a, guarantee: 64M}
          - {trace: {multi}, trace-vm: L1b, guarantee: {{l1bGuarantee}}}
          - {trace: {multi}, trace-vm: L2}
        """;

    [Fact]
    public void Evaluate_Overcommit3vm_AdmitsWithTheSumsOfItsVms()
    {
        var decision = AdmissionControl.Evaluate(ScenarioParser.Load(ScenarioFiles.Example("overcommit-3vm.yaml")));

        // guarantees 64 + 32 + 64 MiB, no overhead, against 256 MiB
        Assert.Equal(new AdmissionDecision(160 * MiB, 0, 256 * MiB), decision);
        Assert.True(decision.Admitted);
        Assert.Equal(
            "admission control: guarantees (160 MiB) plus per-VM overheads (0 bytes) need 160 MiB, "
            + "within host RAM 256 MiB (96 MiB to spare)",
            decision.Explanation);
    }

    [Fact]
    public void Load_GuaranteesAndOverheadsExactlyHostRam_Admits()
    {
        var scenario = ScenarioFiles.Load(Yaml("30M"));

        var decision = AdmissionControl.Evaluate(scenario);

        Assert.Equal(new AdmissionDecision(94 * MiB, 162 * MiB, 256 * MiB), decision);
        Assert.True(decision.Admitted);
    }

    [Fact]
    public void Load_OnePageOver_RefusesAtHostRamWithTheNumbers()
    {
        // 64 MiB + (30 MiB + 4 KiB) = 96,260 KiB of guarantees; + 162 MiB = 262,148 KiB, 4 KiB over 262,144 KiB.
        var error = ScenarioFiles.Error(Yaml("30724K"), 2, "host.ram");

        Assert.Equal(
            "host.ram: admission control: guarantees (96260 KiB) plus per-VM overheads (162 MiB) need 262148 KiB, "
            + "more than host RAM 256 MiB by 4 KiB; lower a guarantee or an overhead, or raise host.ram",
            error.Problem);
    }

    [Fact]
    public void Evaluate_PerVmOverheadOverride_CountsInsteadOfTheHostDefault()
    {
        var yaml = Yaml("30M").Replace("trace-vm: L2", "trace-vm: L2, overhead: 4K", StringComparison.Ordinal);
        var scenario = ScenarioFiles.Load(yaml);

        var decision = AdmissionControl.Evaluate(scenario);

        Assert.Equal((108 * MiB) + (4 * KiB), decision.OverheadBytes);
        // 256 MiB - (94 MiB of guarantees + 108 MiB + 4 KiB of overheads)
        Assert.Equal((54 * MiB) - (4 * KiB), decision.HostRamBytes - decision.RequiredBytes);
    }

    [Fact]
    public void Evaluate_InMemoryScenario_SumsEveryVm()
    {
        VmConfig Vm(string name, long guarantee, long overhead) => new()
        {
            Name = name, Trace = "t", TracePath = "/t", TraceVmId = 0, TraceVmName = name,
            MemoryBytes = 128 * MiB, LimitBytes = 128 * MiB, MaxMemBytes = 128 * MiB,
            GuaranteeBytes = guarantee, OverheadBytes = overhead,
        };
        var scenario = new Scenario
        {
            Name = "s", File = "/s.yaml", Directory = "/", Host = new HostConfig { RamBytes = 64 * MiB },
            Vms = [Vm("a", 32 * MiB, 16 * MiB), Vm("b", 16 * MiB, 4 * KiB)],
        };

        var decision = AdmissionControl.Evaluate(scenario);

        Assert.Equal(new AdmissionDecision(48 * MiB, (16 * MiB) + (4 * KiB), 64 * MiB), decision);
        Assert.False(decision.Admitted);
        Assert.EndsWith("more than host RAM 64 MiB by 4 KiB; lower a guarantee or an overhead, or raise host.ram",
            decision.Explanation, StringComparison.Ordinal);
    }
}
