#!/usr/bin/env bash
# Regenerates every raster icon under assets/icons/ from the SVG sources next to them.
# Needs librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns):
#   apt-get install -y librsvg2-bin imagemagick icnsutils
# The outputs are committed, so the installer build itself does not need these tools.
set -euo pipefail
icons="$(cd "$(dirname "$0")/../assets/icons" && pwd)"
cd "$icons"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: '$tool' not found (apt-get install -y librsvg2-bin imagemagick icnsutils)" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p png

# Render one SVG to a square PNG with no timestamps or other text chunks, so reruns give identical bytes.
render() { # svg size out
  rsvg-convert -w "$2" -h "$2" "$1" -o "$work/raw.png"
  convert "$work/raw.png" -strip -define png:exclude-chunks=date,time,tEXt,zTXt,iTXt "PNG32:$3"
}

# name: app icon or document icon; sizes: PNGs to keep; ICO and ICNS take the sizes each format supports.
build() { # name small-svg png-sizes...
  local name=$1 small=$2; shift 2
  for s in "$@"; do
    local src="$name.svg"
    # At 16 px the detailed drawing blurs; a hand-simplified variant stays legible.
    [ "$s" -le 16 ] && [ -n "$small" ] && src="$small"
    render "$src" "$s" "png/$name-$s.png"
  done
  # ICO (Windows): 16-256 in one file.
  local ico=()
  for s in 16 32 48 64 128 256; do
    [ -f "png/$name-$s.png" ] || render "$name.svg" "$s" "$work/$name-$s.png"
    ico+=("$( [ -f "png/$name-$s.png" ] && echo "png/$name-$s.png" || echo "$work/$name-$s.png")")
  done
  convert "${ico[@]}" "$name.ico"
  # ICNS (macOS): png2icns knows 16, 32, 48, 128, 256, 512 (and 1024).
  local icns=()
  for s in 16 32 48 128 256 512; do
    [ -f "png/$name-$s.png" ] || render "$name.svg" "$s" "$work/$name-$s.png"
    icns+=("$( [ -f "png/$name-$s.png" ] && echo "png/$name-$s.png" || echo "$work/$name-$s.png")")
  done
  png2icns "$name.icns" "${icns[@]}" >/dev/null
}

build clearframe clearframe-small.svg 16 32 48 64 128 256 512
for doc in doc-clearframe doc-cfshare doc-cfreply; do
  build "$doc" "" 48 128 256
done
echo "make-icons: wrote $(ls png | wc -l) PNGs, $(ls ./*.ico | wc -l) ICO and $(ls ./*.icns | wc -l) ICNS files in $icons"
