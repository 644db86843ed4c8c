using System.Security.Cryptography;
using MemFw.Cli.Tests;
using MemFw.Traces.Format;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace MemFw.Framework.Tests.Content.Sharing;

/// <summary>
/// The guest-workloads captures in <c>../shared/samples/guest-workloads</c> (next to the repository): three real
/// guests, each an access trace bracketed by RAM images taken before its first and after its last access. Images
/// are decompressed in memory, as the folder's <c>unpack.sh</c> does with the zstd command, and checked against
/// its <c>SHA256SUMS</c>.
/// </summary>
internal static class GuestWorkloads
{
    /// <summary>Bytes of every RAM image (128 MiB of guest-physical memory from address 0).</summary>
    public const int ImageBytes = 128 << 20;

    /// <summary>4 KiB pages of every RAM image; page n is guest frame number n.</summary>
    public const int Pages = ImageBytes / TraceFormat.PageSize;

    private static readonly Lazy<Dictionary<string, string>> s_sums = new(ReadSums);

    /// <summary>The sample folder; a missing folder fails the test that asks (CI provides it).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder is not there.</exception>
    public static string Folder
    {
        get
        {
            var folder = Path.GetFullPath(
                Path.Combine(RepositoryPaths.Root, "..", "shared", "samples", "guest-workloads"));
            return Directory.Exists(folder)
                ? folder
                : throw new DirectoryNotFoundException(
                    $"{folder}: the guest-workloads samples are missing; these tests need them next to the " +
                    "repository (../shared/samples/guest-workloads, as on CI)");
        }
    }

    /// <summary>The access trace of <paramref name="guest"/> (<c>L1a</c>, <c>L1b</c> or <c>L2</c>).</summary>
    public static string Trace(string guest) => Path.Combine(Folder, $"{guest}.memtrace.zst");

    /// <summary>
    /// The RAM image of <paramref name="guest"/> taken before its first access. L1b's is a patch against L1a's,
    /// which is decompressed first and dropped.
    /// </summary>
    public static byte[] Start(string guest) => guest == "L1b"
        ? Decompress("L1b-start.from-L1a-start.zst", "L1b-start.raw", Start("L1a"))
        : Decompress($"{guest}-start.raw.zst", $"{guest}-start.raw", reference: null);

    /// <summary>The RAM image of <paramref name="guest"/> taken after its last access (a patch of its start).</summary>
    public static byte[] End(string guest, byte[] start) =>
        Decompress($"{guest}-end.from-start.zst", $"{guest}-end.raw", start);

    /// <summary>
    /// Decompresses <paramref name="file"/> into one image, with <paramref name="reference"/> as the raw-content
    /// prefix of <c>--patch-from</c> when given, and checks the SHA-256 that <c>SHA256SUMS</c> lists for
    /// <paramref name="name"/>.
    /// </summary>
    /// <remarks>
    /// One-shot decompression into the whole image has no window limit, so <c>--long=28</c> needs no setting. The
    /// reference is given by <c>ZSTD_DCtx_refPrefix</c>, which points at it:
    /// <see cref="Decompressor.LoadDictionary(byte[])"/> copies it into a dictionary first, and a patch then took
    /// 1.5-3.5 s instead of 30-80 ms.
    /// </remarks>
    private static unsafe byte[] Decompress(string file, string name, byte[]? reference)
    {
        var path = Path.Combine(Folder, file);
        var compressed = File.ReadAllBytes(path);
        var image = new byte[ImageBytes];
        var context = Methods.ZSTD_createDCtx();
        nuint size;
        try
        {
            fixed (byte* prefix = reference, source = compressed, target = image)
            {
                if (reference is not null)
                {
                    ThrowHelper.EnsureZstdSuccess(
                        Methods.ZSTD_DCtx_refPrefix(context, prefix, (nuint)reference.Length));
                }

                size = ThrowHelper.EnsureZstdSuccess(Methods.ZSTD_decompressDCtx(
                    context, target, (nuint)image.Length, source, (nuint)compressed.Length));
            }
        }
        catch (ZstdException e)
        {
            throw new InvalidDataException(
                $"{path}: expected a zstd frame of a {ImageBytes}-byte image: {e.Message}", e);
        }
        finally
        {
            Methods.ZSTD_freeDCtx(context);
        }

        if (size != ImageBytes)
        {
            throw new InvalidDataException($"{path}: expected a {ImageBytes}-byte image, found {size} bytes");
        }

        var sum = Convert.ToHexStringLower(SHA256.HashData(image));
        return sum == s_sums.Value[name]
            ? image
            : throw new InvalidDataException($"{path}: expected SHA-256 {s_sums.Value[name]} of {name}, found {sum}");
    }

    /// <summary>The lines <c>sha256  name</c> of <c>SHA256SUMS</c>, by name.</summary>
    private static Dictionary<string, string> ReadSums() =>
        File.ReadLines(Path.Combine(Folder, "SHA256SUMS"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(fields => fields[1], fields => fields[0]);
}
