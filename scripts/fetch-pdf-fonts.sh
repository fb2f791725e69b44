#!/usr/bin/env bash
# Puts Sarabun Regular and Bold (TTF, OFL-1.1, npm @expo-google-fonts/sarabun) and the OFL licence under
# src/Anuyat.Infrastructure/Pdf/Fonts. The files are committed (OFL allows redistribution with the licence), so the
# build never needs the network; run this only to refresh them (then check the PDF tests and the sample PNG).
# Usage: scripts/fetch-pdf-fonts.sh [--force]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/src/Anuyat.Infrastructure/Pdf/Fonts"
version="0.4.1"
if [ "${1:-}" != "--force" ] && [ -f "$dest/Sarabun-Regular.ttf" ] && [ -f "$dest/Sarabun-Bold.ttf" ]; then exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack "@expo-google-fonts/sarabun@$version" --silent >/dev/null ) \
  || { echo "fetch-pdf-fonts: npm could not fetch @expo-google-fonts/sarabun@$version" >&2; exit 1; }
tar -xzf "$work"/expo-google-fonts-sarabun-*.tgz -C "$work"
mkdir -p "$dest"
cp "$work/package/400Regular/Sarabun_400Regular.ttf" "$dest/Sarabun-Regular.ttf"
cp "$work/package/700Bold/Sarabun_700Bold.ttf" "$dest/Sarabun-Bold.ttf"
cp "$work/package/LICENSE_FONT" "$dest/OFL.txt"
echo "fetch-pdf-fonts: Sarabun from @expo-google-fonts/sarabun@$version in $dest"
