#!/bin/bash
# Benchmarks `minecarbon landuse analyze` side by side with rasterio + numpy and R terra on the
# same files: generated pairs of 1, 25 and 100 megapixels (tiled 256, DEFLATE) and the five real
# São Lourenço dates. Wall time and peak memory of each whole command (interpreter start-up
# included) come from /usr/bin/time. Needs the Debian packages python3-rasterio, python3-numpy,
# r-cran-terra, time. Not part of the tests.
#   bench/run.sh [sizes...]          default: 1 25 100
#   BENCH_TERRA_MAX=100 bench/run.sh  run terra on sizes up to 100 MP (default 25: it needs minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1 25 100}")
sizes=(${sizes[@]})
data=${BENCH_DATA:-bench/data}
out=${BENCH_OUT:-/tmp/minecarbon-bench}
terra_max=${BENCH_TERRA_MAX:-25}
mkdir -p "$data" "$out"
py=/usr/bin/python3
rows=()

measure() { # label, megapixels, command...
  local label=$1 mp=$2; shift 2
  local log="$out/time.log"
  /usr/bin/time -f "%e %M" -o "$log" "$@" > "$out/last.out" 2> "$out/last.err" || { echo "FAILED: $label" >&2; cat "$out/last.err" >&2; return 1; }
  read -r secs kb < "$log"
  local mps; mps=$(awk -v p="$mp" -v s="$secs" 'BEGIN { printf "%.1f", p / s }')
  rows+=("$(printf '%-58s %8s MP %9.2f s %9s MP/s %8d MB' "$label" "$mp" "$secs" "$mps" $((kb / 1024)))")
  echo "${rows[-1]}"
}

node bin/minecarbon.mjs --version > /dev/null # builds the bundle once, outside the timings
for mp in "${sizes[@]}"; do
  [ -f "$data/${mp}mp-a.tif" ] || npx tsx bench/make-pair.ts "$mp" "$data" > /dev/null
  a="$data/${mp}mp-a.tif"; b="$data/${mp}mp-b.tif"
  maps=(--map "2000=$a" --map "2010=$b" --legend seed001 --no-progress)
  measure "minecarbon landuse analyze (all outputs, DEFLATE 1)" "$mp" node bin/minecarbon.mjs landuse analyze "${maps[@]}" --out "$out/mc-$mp"
  measure "minecarbon landuse analyze (all outputs, DEFLATE 6)" "$mp" node bin/minecarbon.mjs landuse analyze "${maps[@]}" --deflate-level 6 --out "$out/mc6-$mp"
  measure "minecarbon landuse analyze (matrices, no zoning raster)" "$mp" node bin/minecarbon.mjs landuse analyze "${maps[@]}" --zoning none --out "$out/mcm-$mp"
  measure "rasterio+numpy matrix only" "$mp" $py bench/rasterio_matrix.py "$a" "$b" "$out/rio-$mp.tif" --matrix-only
  measure "rasterio+numpy matrix + zone raster (zlevel 6, default)" "$mp" $py bench/rasterio_matrix.py "$a" "$b" "$out/rio-$mp.tif"
  measure "rasterio+numpy matrix + zone raster (zlevel 1)" "$mp" $py bench/rasterio_matrix.py "$a" "$b" "$out/rio1-$mp.tif" --zlevel 1
  if [ "$mp" -le "$terra_max" ]; then
    measure "R terra crosstab + zone raster" "$mp" Rscript bench/terra_matrix.R "$a" "$b" "$out/terra-$mp.tif"
  fi
  # The zone rasters must agree pixel for pixel.
  $py -c "
import rasterio, sys
a = rasterio.open('$out/mc-$mp/zones-2000-2010.tif').read(1)
b = rasterio.open('$out/rio-$mp.tif').read(1)
d = int((a != b).sum())
print(f'  zone rasters, MineCarbon vs rasterio: {d} pixels differ')
sys.exit(1 if d else 0)"
done

SL=../shared/data/sao-lourenco
if [ -d "$SL" ]; then
  sl=(); for y in 2002 2008 2010 2012 2014; do sl+=("$SL/landscape_$y.tif"); done
  slmaps=(); for y in 2002 2008 2010 2012 2014; do slmaps+=(--map "$y=$SL/landscape_$y.tif"); done
  mp=$(awk 'BEGIN { printf "%.1f", 6546 * 6372 * 5 / 1e6 }')
  measure "minecarbon, São Lourenço 5 dates (matrices)" "$mp" node bin/minecarbon.mjs landuse analyze "${slmaps[@]}" --legend "$SL/legend.csv" --zoning none --no-progress --out "$out/sl"
  measure "minecarbon, São Lourenço 5 dates (+ 5 zone rasters)" "$mp" node bin/minecarbon.mjs landuse analyze "${slmaps[@]}" --legend "$SL/legend.csv" --rules examples/sao-lourenco-zoning.csv --no-progress --out "$out/slz"
  measure "rasterio+numpy, São Lourenço 5 dates (matrices)" "$mp" $py bench/rasterio_multidate.py "${sl[@]}"
fi

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(node --version); $($py -c 'import rasterio, numpy; print("rasterio", rasterio.__version__, "numpy", numpy.__version__)'); $(Rscript -e 'cat("terra", as.character(packageVersion("terra")))' 2>/dev/null)"
printf '%s\n' "${rows[@]}"
