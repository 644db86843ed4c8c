using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MemFw.Generators.Model;

namespace MemFw.Generators.Parsing;

/// <summary>
/// Builds the registry of an assembly from its valid plugins of every kind: kind then name order, and no name used
/// twice within a kind. The same name in two kinds is allowed: each kind has its own list and its own option.
/// </summary>
internal static class RegistryBuilder
{
    /// <summary>
    /// Orders <paramref name="plugins"/> by kind, then by name; a name used by more than one plugin of a kind is
    /// reported (MEMFW004) on each of them, and those plugins are left out.
    /// </summary>
    public static RegistryModel Build(ImmutableArray<LocatedPlugin> plugins, CancellationToken cancellationToken)
    {
        var registered = new List<PluginModel>();
        var diagnostics = new List<DiagnosticInfo>();
        // A tuple of an enum and a string compares the string ordinally.
        foreach (var group in plugins.GroupBy(p => (p.Plugin.Kind, p.Plugin.Name)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sharing = group.ToList();
            if (sharing.Count == 1)
            {
                registered.Add(sharing[0].Plugin);
                continue;
            }

            for (var i = 0; i < sharing.Count; i++)
            {
                var (plugin, other) = (sharing[i].Plugin, sharing[i == 0 ? 1 : 0].Plugin);
                diagnostics.Add(Diagnostics.About(Diagnostics.DuplicateName, plugin.Kind, plugin.TypeName,
                    sharing[i].Location, plugin.Name, other.TypeName, plugin.Kind.Noun()));
            }
        }

        return new RegistryModel(
            registered.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal).ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }
}
