using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Cli.Plugins;
using MemFw.Framework.Content.Images;
using MemFw.Framework.Parsing;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;
using static System.FormattableString;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw vm save</c>: writes one VM's pages at one snapshot time to a VM image (docs/images.md).</summary>
internal static class VmSaveCommand
{
    /// <summary>The codec of an image when <c>--codec</c> is not given.</summary>
    public const string DefaultCodec = "lz4";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var vm = new Option<string>("--vm") { Description = "The VM to save, by name or id", Required = true };
        var time = new Option<long>("--time") { Description = "The snapshot time to save, in the trace's unit", Required = true };
        var codec = new Option<string>("--codec")
        {
            Description = "The codec of the pages, NAME[:OPTION=VALUE]... (memfw plugins --kind compression-codec)",
            DefaultValueFactory = _ => DefaultCodec,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The image file to write (written to a temporary file, moved into place when complete)",
            Required = true,
        };
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var plugins = CommonOptions.Plugins();
        var command = new Command("save", "Save a VM's memory at a snapshot time of a trace's page table to one " +
            "image file: zero pages as markers, each distinct content compressed once, repeats as references")
        {
            trace, vm, time, codec, output, force, quiet, plugins,
        };
        command.SetAction(parse =>
        {
            var opened = Trace.Open(parse.GetValue(trace)!);
            var descriptor = Find(opened, parse.GetValue(vm)!);
            var spec = PolicySpec.Parse(parse.GetValue(codec)!, "--codec");
            var catalog = PluginCatalog.Load(parse.GetValue(plugins) ?? []);
            var instance = VmCommand.CreateCodec(catalog, spec, "--codec");
            try
            {
                var path = parse.GetValue(output)!;
                var summary = ProgressDisplay.Run(console, parse.GetValue(quiet), "vm save",
                    progress => VmImage.Save(opened, descriptor, parse.GetValue(time), spec.Label, instance, path,
                        parse.GetValue(force), progress));
                Write(console.Out, path, summary);
            }
            finally
            {
                (instance as IDisposable)?.Dispose();
            }

            return 0;
        });
        return command;
    }

    private static VmDescriptor Find(Trace trace, string name) =>
        trace.FindVm(name) ?? throw new ArgumentException(
            $"--vm: no VM '{name}' in {trace.Path}"
                + NameSuggestions.Describe(name, trace.Metadata.Vms.Select(v => v.Name)),
            nameof(name));

    private static void Write(TextWriter output, string path, VmImageSummary s)
    {
        var header = s.Header;
        output.WriteLine(Invariant($"wrote {path}: VM {header.VmName} at time {header.SnapshotTime}, codec {header.Codec}")
            + (header.HashImage ? " (hash image: restores to hashes only)" : ""));
        output.WriteLine(Invariant($"pages                {s.Pages,14:N0}"));
        output.WriteLine(Invariant($"zero pages           {s.ZeroPages,14:N0}"));
        output.WriteLine(Invariant($"stored by reference  {s.ReferencePages,14:N0}"));
        output.WriteLine(Invariant($"compressed           {s.CompressedPages,14:N0}  ({s.CompressedBytes:N0} bytes)"));
        output.WriteLine(Invariant($"hash only            {s.HashPages,14:N0}"));
        output.WriteLine(Invariant($"bytes written        {s.FileBytes,14:N0}"));
        output.WriteLine(Invariant($"raw RAM              {s.RawRamBytes,14:N0}"));
        output.WriteLine(Invariant($"ratio to raw RAM     {s.Ratio,14:F2}x"));
    }
}
