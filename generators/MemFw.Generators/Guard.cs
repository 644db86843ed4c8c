using System;
using MemFw.Generators.Model;

namespace MemFw.Generators;

/// <summary>Keeps the generator from throwing: an unexpected exception becomes the MEMFW000 diagnostic.</summary>
internal static class Guard
{
    /// <summary>
    /// Runs <paramref name="body"/>; returns null when it completed, or the catch-all diagnostic for the exception it
    /// threw. Cancellation is not an error and propagates.
    /// </summary>
    /// <param name="subject">What was being handled (a type name), for the message.</param>
    /// <param name="location">Where to report a failure.</param>
    /// <param name="body">The work.</param>
    public static DiagnosticInfo? Run(string subject, LocationInfo? location, Action body)
    {
        try
        {
            body();
            return null;
        }
#pragma warning disable CA1031 // The generator must never throw: this is its one catch-all.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Diagnostics.Unexpected(subject, exception, location);
        }
    }
}
