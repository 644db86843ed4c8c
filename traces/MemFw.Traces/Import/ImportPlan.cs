using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>
/// The import's inputs checked and arranged before anything is written: VM ids in order of first mention, which
/// input feeds which VM, and the bytes to read.
/// </summary>
internal sealed class ImportPlan
{
    private ImportPlan(IReadOnlyList<InputSpec> accessInputs, IReadOnlyList<(InputSpec Spec, int Vm)> images,
        IReadOnlyList<string> vmNames, int vcpus)
    {
        AccessInputs = accessInputs;
        Images = images;
        VmNames = vmNames;
        Vcpus = vcpus;
        ImageRamBytes = new long?[vmNames.Count];
        TotalBytes = accessInputs.Concat(images.Select(i => i.Spec)).Sum(i => new FileInfo(i.Path).Length);
    }

    /// <summary>Access captures; input i is VM i.</summary>
    public IReadOnlyList<InputSpec> AccessInputs { get; }

    /// <summary>RAM images with the id of the VM each belongs to.</summary>
    public IReadOnlyList<(InputSpec Spec, int Vm)> Images { get; }

    /// <summary>VM names by id.</summary>
    public IReadOnlyList<string> VmNames { get; }

    /// <summary>vCPUs per VM.</summary>
    public int Vcpus { get; }

    /// <summary>Bytes of every input on disk.</summary>
    public long TotalBytes { get; }

    /// <summary>Each VM's RAM size as its images show it, filled in while the images are written.</summary>
    public long?[] ImageRamBytes { get; }

    /// <summary>Checks <paramref name="options"/> and arranges the inputs.</summary>
    /// <exception cref="ArgumentException">The options contradict each other.</exception>
    /// <exception cref="TraceInputException">An input file does not exist.</exception>
    public static ImportPlan Create(ImportOptions options)
    {
        if (options.Inputs.Count == 0)
        {
            throw new ArgumentException("expected at least one input file", nameof(options));
        }

        if (options.Vcpus is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentException($"--vcpus: expected 1 to {ushort.MaxValue}, found {options.Vcpus}",
                nameof(options));
        }

        if (options.RamBytes is { } ram && (ram <= 0 || ram % TraceFormat.PageSize != 0))
        {
            throw new ArgumentException(
                $"--ram-size: expected a positive multiple of {TraceFormat.PageSize} bytes, found {ram}",
                nameof(options));
        }

        var isRaw = options.Format == ImportFormat.RawRam;
        if (isRaw && options.RamImages.Count > 0)
        {
            throw new ArgumentException("--ram: the inputs of --format raw-ram are already RAM images",
                nameof(options));
        }

        var accessInputs = isRaw ? [] : options.Inputs;
        var imageInputs = isRaw ? options.Inputs : options.RamImages;
        foreach (var input in accessInputs.Concat(imageInputs))
        {
            if (!File.Exists(input.Path))
            {
                throw new TraceInputException(input.Path, "", "input file not found");
            }

            if (!isRaw && input.Time is not null && accessInputs.Contains(input))
            {
                throw new ArgumentException(
                    $"'{input.Vm}@...={input.Path}': a snapshot time applies to RAM images only", nameof(options));
            }
        }

        var names = new List<string>();
        foreach (var input in accessInputs)
        {
            if (names.Contains(input.Vm))
            {
                throw new ArgumentException(
                    $"VM '{input.Vm}' has two access captures ({input.Path}); name each VM once as NAME=PATH",
                    nameof(options));
            }

            names.Add(input.Vm);
        }

        foreach (var input in imageInputs.Where(i => !names.Contains(i.Vm)))
        {
            names.Add(input.Vm);
        }

        if (names.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"expected at most {ushort.MaxValue} VMs, found {names.Count}",
                nameof(options));
        }

        var images = imageInputs.Select(i => (i, names.IndexOf(i.Vm))).ToList();
        return new ImportPlan(accessInputs, images, names, options.Vcpus);
    }

    /// <summary>The trace metadata once accesses and images are written.</summary>
    /// <exception cref="TraceInputException">An access lies beyond its VM's RAM.</exception>
    public TraceMetadata Metadata(ImportOptions options, VmSpan[] spans)
    {
        var vms = new List<VmDescriptor>();
        for (var vm = 0; vm < VmNames.Count; vm++)
        {
            var hasAccesses = vm < AccessInputs.Count;
            var mode = hasAccesses ? ImportFormats.AddressMode(options.Format) : AddressMode.Translated;
            var ram = ImageRamBytes[vm] ?? options.RamBytes;
            if (ImageRamBytes[vm] is { } image && options.RamBytes is { } given && image != given)
            {
                throw new ArgumentException(
                    $"--ram-size: {given} bytes, but the RAM images of VM '{VmNames[vm]}' hold {image} bytes",
                    nameof(options));
            }

            if (hasAccesses && mode == AddressMode.Translated && ram is { } limit)
            {
                spans[vm].CheckRam(AccessInputs[vm].Path, limit);
            }

            var sources = new List<CaptureSource>();
            if (hasAccesses)
            {
                sources.Add(Source(options.Format, AccessInputs[vm].Path, null));
            }

            sources.AddRange(Enumerable.Range(0, Images.Count).Where(k => Images[k].Vm == vm)
                .Select(k => Source(ImportFormat.RawRam, Images[k].Spec.Path, spans[vm].Resolve(SnapshotTimeOf(k)))));
            vms.Add(new VmDescriptor
            {
                Id = vm,
                Name = VmNames[vm],
                RamBytes = mode == AddressMode.Identity ? options.RamBytes : ram,
                Vcpus = Vcpus,
                AddressMode = mode,
                Sources = sources,
            });
        }

        return new TraceMetadata
        {
            FormatVersion = TraceFormat.Version,
            TimeUnit = TimeUnit.Ordinal, // every supported capture format is clockless
            Vms = vms,
            CreatedBy = $"memfw trace import {typeof(ImportPlan).Assembly.GetName().Version?.ToString(3)}",
            Description = options.Description,
        };
    }

    /// <summary>The snapshot time of image <paramref name="index"/>: its own, or its position among the VM's images.</summary>
    /// <remarks>The position counts images, not distinct specs: the same file given twice is two snapshots.</remarks>
    public SnapshotTime SnapshotTimeOf(int index)
    {
        var (image, vm) = Images[index];
        return image.Time ?? new SnapshotTime(SnapshotAnchor.Absolute, Images.Take(index).Count(i => i.Vm == vm));
    }

    private static CaptureSource Source(ImportFormat format, string path, long? time) => new()
    {
        Format = ImportFormats.Name(format),
        File = Path.GetFileName(path),
        Capture = ImportFormats.Capture(format),
        SnapshotTime = time,
    };
}
