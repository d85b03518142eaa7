"""The peer: rasterio + numpy, streaming block by block, on the same pair of maps.

Computes the transfer matrix (np.bincount over a*256+b) and, unless --matrix-only, writes the
seed 001 zone raster (tiled 256, DEFLATE at --zlevel, GDAL's default 6) from a 64K lookup table
built the same way as MineCarbon's. Prints one JSON line: seconds, pixels per second, peak RSS.

    /usr/bin/python3 bench/rasterio_matrix.py a.tif b.tif out.tif [--matrix-only] [--zlevel N]
"""
import json
import resource
import sys
import time

import numpy as np
import rasterio

t0 = time.perf_counter()
args = [a for a in sys.argv[1:] if not a.startswith("--")]
matrix_only = "--matrix-only" in sys.argv
zlevel = int(sys.argv[sys.argv.index("--zlevel") + 1]) if "--zlevel" in sys.argv else 6
a_path, b_path, out_path = args[0], args[1], args[2]

# Seed 001 Table 1 over codes 1..11 (arable 1, forest 2, grassland 3, urban 4, rural 5, transport 6,
# open pit 7, stripping 8, dump 9, industrial 10, water 11): zone codes 1..4, 5 = unclassified.
sinks, mining = [1, 2, 3], [7, 8, 9, 10]
zone = np.zeros((256, 256), dtype=np.uint8)
for f in range(1, 12):
    for t in range(1, 12):
        z = 5
        if f == t and f in sinks:
            z = 1
        elif (f in mining and t in sinks) or (f in (1, 3) and t == 2):
            z = 2
        elif (f in sinks and t in (4, 5, 6, 11)) or (f == 3 and t == 1):
            z = 3
        elif f in sinks and t in mining:
            z = 4
        zone[f, t] = z
table = zone.reshape(-1)

counts = np.zeros(65536, dtype=np.int64)
with rasterio.open(a_path) as a, rasterio.open(b_path) as b:
    profile = a.profile.copy()
    profile.update(dtype="uint8", count=1, nodata=0, compress="deflate", zlevel=zlevel, tiled=True,
                   blockxsize=256, blockysize=256, predictor=1)
    dst = None if matrix_only else rasterio.open(out_path, "w", **profile)
    for _, window in a.block_windows(1):
        x = a.read(1, window=window).astype(np.uint16)
        y = b.read(1, window=window)
        idx = (x << 8) | y
        counts += np.bincount(idx.ravel(), minlength=65536)
        if dst is not None:
            dst.write(table[idx], 1, window=window)
    if dst is not None:
        dst.close()
seconds = time.perf_counter() - t0
pixels = a.width * a.height
print(json.dumps({
    "tool": "rasterio+numpy" + (" (matrix only)" if matrix_only else f" (matrix + DEFLATE raster, zlevel {zlevel})"),
    "seconds": round(seconds, 3),
    "pixels_per_second": round(pixels / seconds),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "transitions": int(counts.sum()),
}))
