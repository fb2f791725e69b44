#!/usr/bin/env bash
# Puts the Sarabun web font (OFL-1.1, npm @fontsource/sarabun) under src/Anuyat.Web/wwwroot/lib/sarabun.
# Called by the build when the files are missing; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/src/Anuyat.Web/wwwroot/lib/sarabun"
version="5.3.0"
if [ -f "$dest/sarabun-thai-400-normal.woff2" ]; then exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack "@fontsource/sarabun@$version" --silent >/dev/null 2>&1 ) || { echo "fetch-web-assets: npm could not fetch @fontsource/sarabun; pages fall back to the device's Thai fonts" >&2; exit 0; }
tar -xzf "$work"/fontsource-sarabun-*.tgz -C "$work"
mkdir -p "$dest"
for f in thai-400 thai-700 latin-400 latin-700; do
  cp "$work/package/files/sarabun-$f-normal.woff2" "$dest/"
done
cp "$work/package/LICENSE" "$dest/LICENSE" 2>/dev/null || true
echo "fetch-web-assets: Sarabun $version in $dest"
