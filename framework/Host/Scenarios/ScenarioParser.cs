using MemFw.Traces.Format;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>
/// Reads a scenario file (YAML, described in docs/scenario.md) into a <see cref="Scenario"/>, checking everything that
/// can be checked before a run: keys, types, sizes, quotas, traces and their VMs, and admission control.
/// </summary>
/// <remarks>
/// Every error is a <see cref="TraceInputException"/> whose one-line message names the file, the line and column,
/// the key (such as <c>vms[1].limit</c>) and what was expected. Policy names are not checked here: only the
/// <c>NAME[:OPTION=VALUE]...</c> syntax; the caller binds them against its registry.
/// </remarks>
public static class ScenarioParser
{
    private static readonly string[] s_keys = ["name", "description", "seed", "host", "vms"];

    /// <summary>Reads and checks the scenario file at <paramref name="path"/>.</summary>
    /// <exception cref="TraceInputException">The file is missing, is not valid YAML, or fails a check.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new TraceInputException(path, "", "scenario file not found");
        }

        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>
    /// Reads and checks a scenario from <paramref name="reader"/>; <paramref name="file"/> names it in messages, and
    /// relative trace paths are resolved against its folder.
    /// </summary>
    /// <exception cref="TraceInputException">The text is not valid YAML, or fails a check.</exception>
    public static Scenario Parse(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(file);
        var root = YamlMap.Read(file, LoadDocument(reader, file), "", s_keys);
        var name = root.Text("name", "a scenario name") ?? Path.GetFileNameWithoutExtension(file);
        var description = root.Text("description", "a description") ?? "";
        var seed = (int?)root.Integer("seed", int.MinValue, int.MaxValue) ?? Scenario.DefaultSeed;
        var hostMap = root.Map("host", HostConfigReader.Keys)
            ?? throw root.Missing("host", "a mapping with the host's ram and policies");
        var host = HostConfigReader.Read(hostMap);
        var fullPath = Path.GetFullPath(file);
        var directory = Path.GetDirectoryName(fullPath)!;
        var scenario = new Scenario
        {
            Name = name,
            Description = description,
            File = fullPath,
            Directory = directory,
            Host = host,
            Vms = ReadVms(root, new VmConfigReader(directory, host)),
            Seed = seed,
        };
        var decision = AdmissionControl.Evaluate(scenario);
        return decision.Admitted ? scenario : throw hostMap.Error("ram", decision.Explanation);
    }

    private static YamlNode LoadDocument(TextReader reader, string file)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(reader);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            throw ScenarioError.At(file, e.Start, "", $"not valid YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow collections.
            throw ScenarioError.At(file, scanner.CurrentPosition, "",
                "not valid YAML: cannot read on from here (an unclosed bracket, brace or quote before?)", e);
        }

        return stream.Documents.Count switch
        {
            0 => throw new TraceInputException(file, "line 1", "empty: expected a mapping with host and vms"),
            1 => stream.Documents[0].RootNode,
            _ => throw ScenarioError.At(file, stream.Documents[1].RootNode.Start, "",
                "expected one YAML document, found a second"),
        };
    }

    private static List<VmConfig> ReadVms(YamlMap root, VmConfigReader reader)
    {
        var items = root.List("vms", "VMs, each a mapping with at least trace")
            ?? throw root.Missing("vms", "a list of VMs, each a mapping with at least trace");
        var vms = new List<VmConfig>(items.Count);
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var map = YamlMap.Read(root.File, items[i], $"vms[{i}]", VmConfigReader.Keys);
            var vm = reader.Read(map);
            if (!firstByName.TryAdd(vm.Name, i))
            {
                throw map.Error("name", $"duplicate VM name '{vm.Name}': vms[{firstByName[vm.Name]}] has it too");
            }

            vms.Add(vm);
        }

        return vms;
    }
}
