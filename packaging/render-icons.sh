#!/bin/sh
# Renders resources/icons/assay.svg to the PNG sizes that are committed beside it (the hicolor
# theme's sizes, and the window icon's). Run it after editing the SVG; it needs rsvg-convert
# (Debian package librsvg2-bin), which the build does not: the PNGs are in the repository.
set -eu
cd "$(dirname "$0")/../resources/icons"
for size in 16 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" assay.svg --output "assay-$size.png"
done
