using MemFw.Framework.Host;

namespace MemFw.Framework.Plugins;

/// <summary>
/// A plugin created with a <see cref="HostPluginContext"/> (victim selector, balloon strategy, working-set estimator,
/// compression codec) as its registry describes it.
/// </summary>
/// <typeparam name="T">The plugin kind's contract.</typeparam>
/// <param name="Name">The stable kebab-case name.</param>
/// <param name="Description">The one-line description.</param>
/// <param name="Source">The paper or system it follows.</param>
/// <param name="TypeName">The full name of the plugin class.</param>
/// <param name="Options">Its options, in declaration order.</param>
/// <param name="Bind">Binds option text (validating it) and returns a factory of instances.</param>
public sealed record HostPluginDescriptor<T>(
    string Name,
    string Description,
    string Source,
    string TypeName,
    IReadOnlyList<OptionDescriptor> Options,
    Func<OptionValues, Func<HostPluginContext, T>> Bind)
    where T : class;
