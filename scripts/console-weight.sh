#!/usr/bin/env bash
# Weighs what a browser downloads to run the console: every JavaScript and CSS file, gzipped (-9), against the
# 150 KB ceiling of issue 13. Reads the sources and the Leaflet WebJar from the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
leaflet_jar="${HOME}/.m2/repository/org/webjars/npm/leaflet/1.9.4/leaflet-1.9.4.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp src/main/resources/webroot/*.js src/main/resources/webroot/*.css "$work"/
unzip -q -j "$leaflet_jar" 'META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.js' \
  'META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.css' -d "$work/leaflet"
total=0
for f in "$work"/*.js "$work"/*.css "$work"/leaflet/*; do
  size=$(gzip -9 -c "$f" | wc -c)
  total=$((total + size))
  printf '%-14s %7d bytes gzipped\n' "$(basename "$f")" "$size"
done
printf 'total          %7d bytes gzipped = %.1f KB, %.0f %% of the 150 KB ceiling\n' "$total" \
  "$(echo "$total / 1024" | bc -l)" "$(echo "$total * 100 / 153600" | bc -l)"
