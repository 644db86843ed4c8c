using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Cli.Plugins;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Content.Migration;
using MemFw.Framework.Host;
using MemFw.Framework.Parsing;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw migrate</c>: estimates a pre-copy live migration of one VM from a snapshot of its memory.</summary>
internal static class MigrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var vm = new Option<string>("--vm") { Description = "The VM to migrate, by name or id (default: the trace's only VM)" };
        var time = new Option<long?>("--time") { Description = "The snapshot time to start from (default: the VM's first)" };
        var codec = new Option<string>("--codec")
        {
            Description = "The codec pages are sent with, NAME[:OPTION=VALUE]... or none",
            DefaultValueFactory = _ => "lz4",
        };
        var bandwidth = new Option<string>("--bandwidth")
        {
            Description = "The link, bytes per second (125M = 1 Gbit/s)",
            DefaultValueFactory = _ => "125M",
        };
        var stopPages = new Option<int>("--stop-pages")
        {
            Description = "Stop pre-copy when a round leaves at most this many dirty pages",
            DefaultValueFactory = _ => new MigrationSettings().StopPages,
        };
        var maxRounds = new Option<int>("--max-rounds")
        {
            Description = "The most pre-copy rounds before stop-and-copy",
            DefaultValueFactory = _ => new MigrationSettings().MaxRounds,
        };
        var json = CommonOptions.Json();
        var plugins = CommonOptions.Plugins();
        var command = new Command("migrate",
            "Estimate a live migration of a VM: pages and bytes per pre-copy round, with zero pages, sharing and "
            + "compression applied, total time and downtime")
        {
            trace, vm, time, codec, bandwidth, stopPages, maxRounds, json, plugins,
        };
        command.SetAction(parse =>
        {
            var opened = Trace.Open(parse.GetValue(trace)!);
            var descriptor = parse.GetValue(vm) is { } name
                ? opened.FindVm(name) ?? throw new ArgumentException($"--vm: no VM '{name}' in {opened.Path}; it has "
                    + string.Join(", ", opened.Metadata.Vms.Select(v => v.Name)), nameof(parse))
                : opened.Metadata.Vms.Count == 1
                    ? opened.Metadata.Vms[0]
                    : throw new ArgumentException($"--vm: {opened.Path} holds several VMs ("
                        + string.Join(", ", opened.Metadata.Vms.Select(v => v.Name)) + "); say which", nameof(parse));
            MigrationSettings settings;
            try
            {
                settings = new MigrationSettings
                {
                    BandwidthBytesPerSecond = ByteSize.Parse(parse.GetValue(bandwidth)!, "--bandwidth"),
                    StopPages = parse.GetValue(stopPages),
                    MaxRounds = parse.GetValue(maxRounds),
                };
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentException($"--{e.ParamName}: expected a positive value, found {e.ActualValue}", e);
            }

            var start = parse.GetValue(time) ?? FirstTime(opened, descriptor.Id);
            var chosen = Codec(PluginCatalog.Load(parse.GetValue(plugins) ?? []), parse.GetValue(codec)!);
            var estimate = MigrationEstimator.Estimate(opened, descriptor.Id, start, chosen, settings);
            (chosen?.Codec as IDisposable)?.Dispose();
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, estimate);
            }
            else
            {
                Write(console.Out, estimate);
            }

            return 0;
        });
        return command;
    }

    private static long FirstTime(Trace trace, int vm)
    {
        var times = Framework.Content.Sharing.SnapshotLoader.Times(trace);
        return times.Count > 0
            ? times[0]
            : throw new TraceInputException(trace.Path, "", $"expected page snapshots of VM {vm} to migrate from");
    }

    private static (string Name, ICompressionCodec Codec)? Codec(PluginCatalog catalog, string text)
    {
        if (text == "none")
        {
            return null;
        }

        var spec = PolicySpec.Parse(text, "--codec");
        try
        {
            var create = catalog.FindHostPlugin("compression codec", spec.Name, r => r.CompressionCodecs).Bind(spec.Values);
            return (spec.Label, create(new HostPluginContext(0, 1)));
        }
        catch (Exception e) when (e is ArgumentException or PluginOptionException)
        {
            throw new ArgumentException($"--codec: {e.Message.Split(" (Parameter '")[0]}", nameof(text), e);
        }
    }

    private static void Write(TextWriter output, MigrationEstimate estimate)
    {
        output.WriteLine(FormattableString.Invariant(
            $"VM {estimate.Vm} from snapshot {estimate.Time}: {estimate.Pages:N0} pages ({estimate.RawBytes / 1048576.0:0.#} MiB raw), {estimate.ZeroPages:N0} zero, {estimate.DuplicatePages:N0} duplicates sent as references, {estimate.PagesWithoutContent:N0} without content (sent whole), codec {estimate.Codec}"));
        var table = new ResultTable([
            ("round", "round"), ("pages", "pages"), ("bytes", "bytes"), ("seconds", "seconds"), ("dirtied", "dirtied"),
            ("stop_and_copy", "stop-and-copy"),
        ]);
        foreach (var r in estimate.Rounds)
        {
            table.Add(r.Round, r.Pages, r.Bytes, r.Seconds, r.Dirtied, r.StopAndCopy ? "yes" : "");
        }

        table.Write(output, TableFormat.Table);
        output.WriteLine(FormattableString.Invariant(
            $"total {estimate.TotalBytes:N0} bytes ({100.0 * estimate.TotalBytes / estimate.RawBytes:0.#}% of raw RAM), {estimate.TotalSeconds * 1000:0.###} ms; downtime {estimate.DowntimeSeconds * 1000:0.###} ms")
            + (estimate.TraceEnded ? "; the trace's accesses ended before pre-copy converged" : ""));
    }
}
