using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Cli.Plugins;
using MemFw.Framework.Content.Images;
using MemFw.Framework.Plugins;
using static System.FormattableString;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw vm restore</c>: writes a VM image back as a trace whose page table holds its pages.</summary>
internal static class VmRestoreCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var image = new Argument<string>("IMAGE") { Description = "A VM image written by memfw vm save" };
        var output = CommonOptions.Output();
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var plugins = CommonOptions.Plugins();
        var command = new Command("restore", "Restore a VM image to a trace: one VM, its pages at the image's " +
            "snapshot time (bytes where the image has them), no accesses")
        {
            image, output, force, quiet, plugins,
        };
        command.SetAction(parse =>
        {
            var catalog = PluginCatalog.Load(parse.GetValue(plugins) ?? []);
            var path = parse.GetValue(output)!;
            var header = ProgressDisplay.Run(console, parse.GetValue(quiet), "vm restore",
                progress => VmImage.Restore(parse.GetValue(image)!, path,
                    spec => VmCommand.CreateCodec(catalog, PolicySpec.Parse(spec, "codec"), "codec"),
                    parse.GetValue(force), progress));
            console.Out.WriteLine(Invariant($"wrote {path}: VM {header.VmName} at time {header.SnapshotTime}, ")
                + Invariant($"{header.PageCount:N0} pages")
                + (header.HashImage ? " (hash image: some pages restored as hashes only)" : ""));
            return 0;
        });
        return command;
    }
}
