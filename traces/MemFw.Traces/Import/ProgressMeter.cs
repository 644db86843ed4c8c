namespace MemFw.Traces.Import;

/// <summary>Adds up input bytes over the phases of an import and reports them without flooding the reporter.</summary>
internal sealed class ProgressMeter(long total, IProgress<ImportProgress>? progress)
{
    private long _completed;
    private long _lastReported = -1;

    /// <summary>Reports <paramref name="current"/> bytes read in the running phase.</summary>
    public void Report(long current)
    {
        var done = _completed + current;
        if (progress is null || done - _lastReported < (1 << 20))
        {
            return;
        }

        _lastReported = done;
        progress.Report(new ImportProgress(Math.Min(done, total), total));
    }

    /// <summary>Ends a phase that read <paramref name="bytes"/> bytes.</summary>
    public void Complete(long bytes)
    {
        _completed += bytes;
        _lastReported = -1;
        Report(0);
    }
}
