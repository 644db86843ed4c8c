namespace MemFw.Framework.Host.Scenarios;

/// <summary>
/// A scenario: one host and the VMs it runs, each replaying a real guest's trace, as <c>memfw run</c> takes it.
/// Read it with <see cref="ScenarioParser"/>; docs/scenario.md describes the file.
/// </summary>
public sealed record Scenario
{
    /// <summary>The default of <see cref="Seed"/>, as for <c>memfw replay</c>.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The scenario's name (<c>name</c>; default: the file name without its extension).</summary>
    public required string Name { get; init; }

    /// <summary>What the scenario shows (<c>description</c>); default empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>The full path of the scenario file, for messages.</summary>
    public required string File { get; init; }

    /// <summary>The folder of the scenario file, against which relative trace paths are resolved.</summary>
    public required string Directory { get; init; }

    /// <summary>The host.</summary>
    public required HostConfig Host { get; init; }

    /// <summary>The VMs, in file order; <see cref="VmView.Id"/> is the index in this list.</summary>
    public required IReadOnlyList<VmConfig> Vms { get; init; }

    /// <summary>The seed of every random choice of the run (<c>seed</c>); default <see cref="DefaultSeed"/>.</summary>
    public int Seed { get; init; } = DefaultSeed;
}
