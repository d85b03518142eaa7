"""The peer for several dates: rasterio + numpy, streaming, transfer matrices of every consecutive
pair and first→last, on pixels valid at every date (nodata dropped), as MineCarbon computes them.

    /usr/bin/python3 bench/rasterio_multidate.py a.tif b.tif c.tif ...
"""
import json
import resource
import sys
import time

import numpy as np
import rasterio

t0 = time.perf_counter()
paths = sys.argv[1:]
srcs = [rasterio.open(p) for p in paths]
pairs = [(i, i + 1) for i in range(len(paths) - 1)] + ([(0, len(paths) - 1)] if len(paths) > 2 else [])
counts = [np.zeros(65536, dtype=np.int64) for _ in pairs]
for _, window in srcs[0].block_windows(1):
    data = [s.read(1, window=window) for s in srcs]
    valid = np.ones(data[0].shape, dtype=bool)
    for s, d in zip(srcs, data):
        if s.nodata is not None:
            valid &= d != s.nodata
    for k, (i, j) in enumerate(pairs):
        idx = (data[i][valid].astype(np.uint16) << 8) | data[j][valid]
        counts[k] += np.bincount(idx, minlength=65536)
seconds = time.perf_counter() - t0
pixels = srcs[0].width * srcs[0].height * len(paths)
print(json.dumps({
    "tool": f"rasterio+numpy ({len(paths)} dates, matrices only)",
    "seconds": round(seconds, 3),
    "pixels_per_second": round(pixels / seconds),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "valid_pixels": int(counts[0].sum()),
}))
