using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Framework.Parsing;
using MemFw.Traces.Import;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw trace import</c>: converts real captures into one trace folder.</summary>
internal static class TraceImportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Captures as [VM[@TIME]=]PATH: one per VM for access formats, one per snapshot for " +
                "raw-ram (TIME: an integer, 'start' or 'end'); .zst and .gz are read directly",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "The capture format",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. ImportFormats.All.Select(f => f.Name)]);
        var ram = new Option<string[]>("--ram")
        {
            Description = "Add a RAM image as a page snapshot, [VM[@TIME]=]PATH (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var ramSize = new Option<string?>("--ram-size") { Description = "Installed RAM of each VM, e.g. 256M" };
        var vcpus = new Option<int>("--vcpus") { Description = "vCPUs of each VM", DefaultValueFactory = _ => 1 };
        var noContent = new Option<bool>("--no-content")
        {
            Description = "Keep only hashes and zero flags of RAM pages, not their bytes",
        };
        var description = new Option<string?>("--description") { Description = "Free text stored in the metadata" };
        var output = CommonOptions.Output();
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var command = new Command("import", "Convert captures (qemu, lackey, vmsim, raw-ram) into a trace")
        {
            inputs, format, output, ram, ramSize, vcpus, noContent, description, force, quiet,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new ImportOptions
            {
                Format = ImportFormats.Parse(parse.GetValue(format)!),
                Inputs = [.. parse.GetValue(inputs)!.Select(InputSpec.Parse)],
                RamImages = [.. (parse.GetValue(ram) ?? []).Select(InputSpec.Parse)],
                Output = parse.GetValue(output)!,
                Overwrite = parse.GetValue(force),
                StoreContent = !parse.GetValue(noContent),
                RamBytes = parse.GetValue(ramSize) is { } size ? ByteSize.Parse(size, "--ram-size") : null,
                Vcpus = parse.GetValue(vcpus),
                Description = parse.GetValue(description),
            };
            var result = ProgressDisplay.Run(console, parse.GetValue(quiet), "import",
                progress => TraceImporter.Import(options,
                    progress is null ? null : new ByteProgress(progress), cancellationToken));
            console.Out.WriteLine(
                $"wrote {options.Output}: {result.Vms} VM(s), {result.Accesses:N0} accesses, {result.Pages:N0} pages");
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Turns byte counts into the fraction the progress bar shows.</summary>
    private sealed class ByteProgress(IProgress<double> fraction) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            fraction.Report(value.BytesTotal == 0 ? 1 : (double)value.BytesRead / value.BytesTotal);
    }
}
