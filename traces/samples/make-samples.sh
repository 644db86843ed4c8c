#!/usr/bin/env bash
# Remakes every sample trace in traces/samples/ from the shared real captures (see README.md in this folder).
#
# Usage: traces/samples/make-samples.sh [--recapture]
#
#   SHARED   folder of the shared samples (default: ../shared/samples relative to the repository root)
#   MEMFW    the memfw program to use (default: built here with `dotnet build cli -c Release`)
#   TMPDIR   where the scratch folder goes (needs about 1.3 GB: decompressed RAM images, full-length traces)
#
# Every import is deterministic, so the traces come out byte-identical to the committed ones.
# --recapture also reruns valgrind to remake lackey-captures/*.lackey.zst before importing them; a fresh capture
# differs from the committed one in a few loads (see README.md), so lackey.trace then differs slightly too.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/traces/samples
SHARED=$(cd "${SHARED:-$ROOT/../shared/samples}" && pwd)
RECAPTURE=0
case "${1:-}" in
  --recapture) RECAPTURE=1 ;;
  "") ;;
  *) echo "usage: $0 [--recapture]" >&2; exit 2 ;;
esac

for d in guest-trace guest-workloads guest-ram; do
  [ -d "$SHARED/$d" ] || { echo "make-samples: $SHARED/$d not found (set SHARED)" >&2; exit 1; }
done

if [ -z "${MEMFW:-}" ]; then
  (cd "$ROOT" && dotnet build cli -c Release -v q -nologo >/dev/null)
  for candidate in "$ROOT"/cli/bin/Release/net10.0/memfw "$ROOT"/cli/bin/Release/net10.0/*/memfw; do
    if [ -x "$candidate" ]; then MEMFW=$candidate; break; fi
  done
fi
[ -n "${MEMFW:-}" ] && [ -x "$MEMFW" ] || { echo "make-samples: memfw program not found (set MEMFW)" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/memfw-samples.XXXXXX")
LK=
trap 'rm -rf "$TMP" ${LK:+"$LK"}' EXIT
memfw() { "$MEMFW" "$@"; }

# 1. linux-guest.trace: records 4,500,000-6,499,999 of the 48.5 M-record QEMU capture.
memfw trace import --format qemu -q \
  linux-guest="$SHARED/guest-trace/linux-guest-1s.qemu.zst" \
  --ram-size 256M -o "$TMP/linux-guest-1s.trace" \
  --description "Real QEMU TCG capture of a Linux guest (Debian kernel 6.1.0-56-amd64, busybox initramfs running a shell workload loop, 256 MiB RAM, 1 vCPU, QEMU 7.2 TCG): every data load and store; time = record ordinal in linux-guest-1s.qemu.zst"
memfw trace slice "$TMP/linux-guest-1s.trace" --rows 4500000:6500000 -o "$OUT/linux-guest.trace" --force -q
rm -rf "$TMP/linux-guest-1s.trace"

# 2. multi-vm.trace: the first 600,000 accesses of each of L1a, L1b and L2, with page hashes of their start images
#    and the bytes of the contents those accesses touch (slice --content touched).
W=$SHARED/guest-workloads
zstd -d -q -f --long=27 "$W/L1a-start.raw.zst" -o "$TMP/L1a-start.raw"
zstd -d -q -f --long=27 "$W/L2-start.raw.zst" -o "$TMP/L2-start.raw"
zstd -d -q -f --long=28 --patch-from="$TMP/L1a-start.raw" "$W/L1b-start.from-L1a-start.zst" -o "$TMP/L1b-start.raw"
memfw trace import --format qemu -q \
  L1a="$W/L1a.memtrace.zst" L1b="$W/L1b.memtrace.zst" L2="$W/L2.memtrace.zst" \
  --ram L1a@start="$TMP/L1a-start.raw" --ram L1b@start="$TMP/L1b-start.raw" --ram L2@start="$TMP/L2-start.raw" \
  --ram-size 128M -o "$TMP/guest-workloads.trace" \
  --description "Real QEMU TCG captures of three 128 MiB x86-64 Linux guests (Debian kernel 6.1.0-56-amd64, busybox initramfs, 1 vCPU, QEMU 7.2 TCG): L1a and L1b are two boots running workload L1 (here: cp of a 10.6 MB text file in tmpfs), L2 runs workload L2 (here: in-place dd rewrites of zero and random files); every data load and store, time = record ordinal in the capture of each VM; pages: hash, zero flag and content of every page of the RAM image of each guest taken just before its first recorded access (time 0)"
memfw trace slice "$TMP/guest-workloads.trace" --time 0:600000 --content touched -o "$OUT/multi-vm.trace" --force -q
rm -rf "$TMP/guest-workloads.trace" "$TMP"/L1a-start.raw "$TMP"/L1b-start.raw "$TMP"/L2-start.raw

# 3. lackey.trace: valgrind lackey captures of sort and md5sum on a generated 100-line text file.
if [ "$RECAPTURE" = 1 ]; then
  # Debian's valgrind is a sh wrapper, which exports PWD into the program's environment: the length of the working
  # directory shifts the program's stack. A fixed-length directory keeps the capture independent of the caller.
  LK=$(mktemp -d /tmp/memfw-lackey.XXXXXX)
  mkdir -p "$OUT/lackey-captures"
  awk -v n=100 'BEGIN { x = 1; split("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu", w, " ");
    for (i = 0; i < n; i++) { x = (x * 48271) % 2147483647; a = x % 100000000; x = (x * 48271) % 2147483647;
      printf "%08d %s %s %06d\n", a, w[1 + x % 12], w[1 + int(x / 12) % 12], i } }' > "$LK/input.txt"
  echo "8900570913384b352f46fa59eeb251d208cccd3fda12fb0ca67359964bfaa818  input.txt" | (cd "$LK" && sha256sum -c --quiet)
  for prog in sort md5sum; do
    (cd "$LK" && env -i PATH=/usr/bin:/bin LC_ALL=C \
      valgrind --tool=lackey --trace-mem=yes --log-file="$prog.lackey" "$prog" input.txt > /dev/null)
    zstd -19 -q -f "$LK/$prog.lackey" -o "$OUT/lackey-captures/$prog.lackey.zst"
  done
  rm -rf "$LK"
  LK=
fi
memfw trace import --format lackey -q \
  sort="$OUT/lackey-captures/sort.lackey.zst" md5sum="$OUT/lackey-captures/md5sum.lackey.zst" \
  -o "$OUT/lackey.trace" --force \
  --description "valgrind 3.19 lackey captures (--trace-mem=yes, instruction fetches included) of two real programs on Debian 12 x86-64, coreutils 9.1: sort input.txt and md5sum input.txt of a generated 100-line, 2,674-byte text file; addresses are process-virtual (identity mode); time = access ordinal in the capture of each program (an M line is a load then a store)"

# 4. guest-ram.trace (hashes of all nine images) and guest-ram-content.trace (contents of GPA 72-76 MiB).
mkdir -p "$TMP/ram"
(cd "$TMP/ram" && sh "$SHARED/guest-ram/unpack.sh" > /dev/null)
R=$TMP/ram
memfw trace import --format raw-ram -q --no-content \
  vmA@0="$R/vmA-t00.raw" vmA@20="$R/vmA-t20.raw" vmA@40="$R/vmA-t40.raw" \
  vmB@0="$R/vmB-t00.raw" vmB@20="$R/vmB-t20.raw" vmB@40="$R/vmB-t40.raw" \
  vmC@0="$R/vmC-t00.raw" vmC@20="$R/vmC-t20.raw" vmC@40="$R/vmC-t40.raw" \
  -o "$OUT/guest-ram.trace" --force \
  --description "Page hashes and zero flags (no content) of nine real RAM images (QEMU pmemsave) of three 128 MiB x86-64 Linux guests (Debian kernel 6.1.0-56-amd64, busybox initramfs, QEMU 7.2 TCG): vmA and vmC run workload A, vmB runs workload B; snapshot time 0, 20, 40 = seconds after snapshot t00 (time_unit says ordinal because the importer writes ordinal for every format)"
for v in A B C; do
  for t in 00 20 40; do
    dd if="$R/vm$v-t$t.raw" of="$R/vm$v-t$t.gpa-4800000-4bfffff.raw" bs=1M skip=72 count=4 status=none
  done
done
memfw trace import --format raw-ram -q \
  vmA@0="$R/vmA-t00.gpa-4800000-4bfffff.raw" vmA@20="$R/vmA-t20.gpa-4800000-4bfffff.raw" vmA@40="$R/vmA-t40.gpa-4800000-4bfffff.raw" \
  vmB@0="$R/vmB-t00.gpa-4800000-4bfffff.raw" vmB@20="$R/vmB-t20.gpa-4800000-4bfffff.raw" vmB@40="$R/vmB-t40.gpa-4800000-4bfffff.raw" \
  vmC@0="$R/vmC-t00.gpa-4800000-4bfffff.raw" vmC@20="$R/vmC-t20.gpa-4800000-4bfffff.raw" vmC@40="$R/vmC-t40.gpa-4800000-4bfffff.raw" \
  -o "$OUT/guest-ram-content.trace" --force \
  --description "Full 4 KiB page contents of guest-physical addresses 0x4800000-0x4BFFFFF (72-76 MiB, 1024 pages) of the nine real RAM images of guest-ram (three 128 MiB x86-64 Linux guests, Debian kernel 6.1.0-56-amd64, QEMU 7.2 TCG; vmA and vmC run workload A, vmB workload B), cut with dd: gfn 0 here is guest frame 0x4800 and ram_bytes is the 4 MiB cut, not the 128 MiB of the guests; snapshot time 0, 20, 40 = seconds after snapshot t00 (time_unit says ordinal because the importer writes ordinal for every format)"
rm -rf "$TMP/ram"

# 5. Check every sample.
for t in linux-guest multi-vm lackey guest-ram guest-ram-content; do
  memfw trace validate "$OUT/$t.trace"
done
du -sb "$OUT"/*.trace "$OUT"/lackey-captures
echo "total: $(du -sb "$OUT" | cut -f1) bytes"
