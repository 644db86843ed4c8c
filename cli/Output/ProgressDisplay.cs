using Spectre.Console;

namespace MemFw.Cli.Output;

/// <summary>
/// Shows a progress bar on stderr while long work runs, only when a person watches a terminal and
/// <c>--quiet</c> was not given; otherwise runs the work silently.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports its progress as a fraction from 0 to 1.</summary>
    public static T Run<T>(CliConsole console, bool quiet, string description, Func<IProgress<double>?, T> work)
    {
        if (quiet || !console.IsTerminal)
        {
            return work(null);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        return terminal.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: 1.0);
                return work(new Progress(task));
            });
    }

    /// <summary>Forwards fractions to a Spectre task synchronously (no thread-pool hop per report).</summary>
    private sealed class Progress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0, 1);
    }
}
