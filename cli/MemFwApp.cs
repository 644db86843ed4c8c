using System.CommandLine;
using MemFw.Cli.Commands;
using MemFw.Cli.Plugins;
using MemFw.Traces.Format;

namespace MemFw.Cli;

/// <summary>The <c>memfw</c> command: builds the command tree and turns failures into one-line errors.</summary>
internal static class MemFwApp
{
    /// <summary>Exit code of a run that failed on bad input or options.</summary>
    public const int ExitBadInput = 1;

    /// <summary>Exit code of a run whose trace failed validation.</summary>
    public const int ExitInvalid = 3;

    /// <summary>Runs <c>memfw</c> with <paramref name="args"/>, writing to <paramref name="console"/>.</summary>
    /// <returns>The process exit code: 0 on success.</returns>
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("MemFw: replay memory-access traces of real guests through a model of an x86-64 " +
            "host and measure what memory-management techniques cost and save.")
        {
            TraceCommand.Create(console),
            ReplayCommand.Create(console),
            CompareCommand.Create(console),
            RunCommand.Create(console),
            MigrateCommand.Create(console),
            PagesCommand.Create(console),
            VmCommand.Create(console),
            PluginsCommand.Create(console),
        };
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return root.Parse(args).Invoke(configuration);
        }
        catch (TraceInputException e)
        {
            return Fail(console, e.Message);
        }
        catch (ArgumentException e)
        {
            return Fail(console, e.Message.Split(" (Parameter '")[0]);
        }
        catch (PluginLoadException e)
        {
            return Fail(console, e.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(console, "cancelled; nothing was written");
        }
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine($"memfw: error: {message}");
        return ExitBadInput;
    }
}
