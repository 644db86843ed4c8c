using System.Diagnostics.CodeAnalysis;

namespace MemFw.Plugins.Compression;

/// <summary>The argument checks and throw helpers the codecs share, so that their loops stay small.</summary>
internal static class CodecChecks
{
    /// <summary>
    /// <paramref name="inputLength"/> plus <paramref name="overhead"/>: the bound of a codec that stores an input it
    /// cannot shrink after a header of <paramref name="overhead"/> bytes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative or the bound exceeds an int.</exception>
    public static int StoredBound(int inputLength, int overhead)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputLength, int.MaxValue - overhead);
        return inputLength + overhead;
    }

    /// <summary>
    /// Checks that a destination of <paramref name="destination"/> bytes holds <paramref name="bound"/>.
    /// </summary>
    /// <exception cref="ArgumentException">It is shorter.</exception>
    public static void Destination(int destination, int bound)
    {
        if (destination < bound)
        {
            ThrowShortDestination(destination, bound);
        }
    }

    /// <summary>Throws the error of a compressed form that is not valid.</summary>
    /// <exception cref="InvalidDataException">Always.</exception>
    [DoesNotReturn]
    public static void ThrowCorrupt(string codec, string problem) =>
        throw new InvalidDataException($"{codec}: corrupt compressed data: {problem}");

    /// <summary>Throws the error of a compressed form that decompresses to more than the destination holds.</summary>
    /// <exception cref="InvalidDataException">Always.</exception>
    [DoesNotReturn]
    public static void ThrowOverflow(string codec, int destinationLength) =>
        throw new InvalidDataException(
            $"{codec}: corrupt compressed data: it decompresses to more than the {destinationLength} bytes given");

    [DoesNotReturn]
    private static void ThrowShortDestination(int destination, int bound) =>
        throw new ArgumentException(
            $"the destination holds {destination} bytes; compressing this source needs up to {bound}",
            nameof(destination));
}
