using MemFw.Cli.Tests;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>A bundled scenario (scenarios/) and its host form, decoded once for a test class.</summary>
/// <param name="file">The scenario's file name in scenarios/.</param>
public abstract class ScenarioFixture(string file) : IDisposable
{
    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; } = ScenarioParser.Load(Path.Combine(RepositoryPaths.Root, "scenarios", file));

    /// <summary>Its host form.</summary>
    public HostForm Value => _form ??= HostRun.BuildForm(Scenario);

    private HostForm? _form;

    /// <inheritdoc/>
    public void Dispose()
    {
        _form?.Dispose();
        GC.SuppressFinalize(this);
    }
}
