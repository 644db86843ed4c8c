using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MemFw.Generators.Model;

namespace MemFw.Generators.Parsing;

/// <summary>Builds the registry of an assembly from its valid plugins: name order, and no name used twice.</summary>
internal static class RegistryBuilder
{
    /// <summary>
    /// Orders <paramref name="plugins"/> by name; a name used by more than one plugin is reported (MEMFW004) on
    /// each of them, and those plugins are left out.
    /// </summary>
    public static RegistryModel Build(ImmutableArray<LocatedPlugin> plugins, CancellationToken cancellationToken)
    {
        var registered = new List<PluginModel>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var group in plugins.GroupBy(p => p.Plugin.Name, StringComparer.Ordinal))
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
                var other = sharing[i == 0 ? 1 : 0].Plugin;
                diagnostics.Add(Diagnostics.Info(Diagnostics.DuplicateName, sharing[i].Location,
                    sharing[i].Plugin.TypeName, group.Key, other.TypeName));
            }
        }

        return new RegistryModel(
            registered.OrderBy(p => p.Name, StringComparer.Ordinal).ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }
}
