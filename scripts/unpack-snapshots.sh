#!/usr/bin/env bash
# Unpacks the 2021-08-27 sxs snapshots into target/corpus/LOCALE (git-ignored), once.
# Usage: scripts/unpack-snapshots.sh [LOCALE...]   (default: ru-RU pt-BR)
# GRAPHLINT_CORPUS points at the shared corpus (default: ../shared/corpus beside the repository).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${GRAPHLINT_CORPUS:-$root/../shared/corpus}"
out="$root/target/corpus"
locales=("$@")
[ ${#locales[@]} -gt 0 ] || locales=(ru-RU pt-BR)
mkdir -p "$out"
for loc in "${locales[@]}"; do
    tarball="$corpus/snapshots/$loc-live-sxs-2021-08-27.tar.gz"
    if [ -f "$out/$loc/.unpacked" ]; then
        continue
    fi
    if [ ! -f "$tarball" ]; then
        echo "unpack-snapshots: no snapshot $tarball (set GRAPHLINT_CORPUS)" >&2
        exit 2
    fi
    rm -rf "${out:?}/$loc"
    tar -xzf "$tarball" -C "$out"
    if [ ! -d "$out/$loc" ]; then
        echo "unpack-snapshots: $tarball did not unpack into $loc/" >&2
        exit 2
    fi
    touch "$out/$loc/.unpacked"
    echo "unpacked $loc: $(find "$out/$loc" -name '*.md' | wc -l) pages into target/corpus/$loc" >&2
done
