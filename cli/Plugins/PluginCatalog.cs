using System.Reflection;
using McMaster.NETCore.Plugins;
using MemFw.Framework.Parsing;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Cli.Plugins;

/// <summary>
/// Every plugin the CLI can use: the built-in ones and those of third-party assemblies loaded at run time from plugin
/// folders (<c>--plugins DIR</c> and <c>MEMFW_PLUGINS</c>). Each assembly's generated registry is found through its
/// <see cref="PluginRegistryAttribute"/>: one attribute lookup per assembly, no scanning, no per-call reflection.
/// </summary>
internal sealed class PluginCatalog
{
    /// <summary>The environment variable that lists plugin folders (separated by the platform's path separator).</summary>
    public const string EnvironmentVariable = "MEMFW_PLUGINS";

    private const string BuiltInAssembly = "MemFw.Plugins";

    private readonly IReadOnlyList<IPluginRegistry> _registries;

    private PluginCatalog(IReadOnlyList<LoadedPlugin> replacementPolicies, IReadOnlyList<PluginListing> listings,
        IReadOnlyList<IPluginRegistry> registries)
    {
        ReplacementPolicies = replacementPolicies;
        Listings = listings;
        _registries = registries;
    }

    /// <summary>Replacement policies, built-in first, each group in name order.</summary>
    public IReadOnlyList<LoadedPlugin> ReplacementPolicies { get; }

    /// <summary>Every plugin of every kind, built-in first, for listing.</summary>
    public IReadOnlyList<PluginListing> Listings { get; }

    /// <summary>Loads the built-in plugins and those in <paramref name="folders"/> and in <c>MEMFW_PLUGINS</c>.</summary>
    /// <exception cref="PluginLoadException">An assembly cannot be loaded, or a plugin name is taken twice.</exception>
    public static PluginCatalog Load(IEnumerable<string> folders)
    {
        var plugins = new List<LoadedPlugin>();
        var listings = new List<PluginListing>();
        var registries = new List<IPluginRegistry>();
        var environment = Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "";
        var all = folders.Concat(environment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var assemblies = new[] { (Assembly.Load(new AssemblyName(BuiltInAssembly)), "built-in") }
            .Concat(all.SelectMany(PluginAssemblies).Distinct(StringComparer.Ordinal).Select(f => (LoadExternal(f), f)));
        foreach (var (assembly, location) in assemblies)
        {
            if (Registry(assembly, location) is not { } registry)
            {
                continue;
            }

            var name = assembly.GetName().Name ?? location;
            foreach (var listing in PluginListing.From(registry, name, location))
            {
                if (listings.FirstOrDefault(p => p.Kind == listing.Kind && p.Name == listing.Name) is { } taken)
                {
                    throw new PluginLoadException(
                        $"plugin '{listing.Name}' of {location} clashes with '{taken.Name}' of {taken.Location} " +
                        $"({taken.Assembly}); plugin names must be unique within a kind");
                }

                listings.Add(listing);
            }

            plugins.AddRange(registry.ReplacementPolicies.Select(d => new LoadedPlugin(d, name, location)));
            registries.Add(registry);
        }

        return new PluginCatalog(plugins, listings, registries);
    }

    /// <summary>The replacement policy named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such policy; the message suggests the nearest names.</exception>
    public LoadedPlugin FindReplacementPolicy(string name) =>
        ReplacementPolicies.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException(
            $"unknown policy '{name}'{NameSuggestions.Describe(name, ReplacementPolicies.Select(p => p.Name))}",
            nameof(name));

    /// <summary>The host plugin of kind <paramref name="kind"/> (as <c>memfw plugins --kind</c> names it) named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such plugin; the message suggests the nearest names.</exception>
    public HostPluginDescriptor<T> FindHostPlugin<T>(string kind, string name,
        Func<IPluginRegistry, IReadOnlyList<HostPluginDescriptor<T>>> ofKind)
        where T : class
    {
        var all = _registries.SelectMany(ofKind).ToList();
        return all.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException(
            $"unknown {kind} '{name}'{NameSuggestions.Describe(name, all.Select(p => p.Name))}", nameof(name));
    }

    /// <summary>
    /// The plugin main assemblies in a folder: each <c>X.dll</c> with an <c>X.deps.json</c> beside it, in the
    /// folder itself (a build output folder) or in its immediate subfolders (one folder per plugin).
    /// </summary>
    private static IEnumerable<string> PluginAssemblies(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new TraceInputException(folder, "", "plugin folder not found");
        }

        return new[] { full }.Concat(Directory.GetDirectories(full).Order(StringComparer.Ordinal))
            .SelectMany(d => Directory.GetFiles(d, "*.dll").Order(StringComparer.Ordinal))
            .Where(f => File.Exists(Path.ChangeExtension(f, ".deps.json")));
    }

    private static Assembly LoadExternal(string file)
    {
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(file,
                sharedTypes: [typeof(IPluginRegistry), typeof(Trace)],
                configure: config => config.PreferSharedTypes = true);
            return loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the loader says (bad image, unreadable deps.json, missing dependency), name the assembly.
            throw new PluginLoadException($"plugin assembly {file}: cannot be loaded: {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static IPluginRegistry? Registry(Assembly assembly, string location)
    {
        var name = assembly.GetName().Name ?? location;
        try
        {
            var attribute = assembly.GetCustomAttribute<PluginRegistryAttribute>();
            if (attribute is null)
            {
                return null;
            }

            return (IPluginRegistry)Activator.CreateInstance(attribute.RegistryType)!;
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException
            or InvalidCastException or TargetInvocationException or MissingMethodException)
        {
            throw new PluginLoadException($"plugin assembly {location} ({name}): cannot read its plugin registry: " +
                $"{e.Message} (was it built against another MemFw.Framework?)", e);
        }
    }
}
