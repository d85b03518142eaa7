"""The peer of `minecarbon batch`: rasterio + numpy, one polygon window at a time, as a researcher
would write it (read each mine's bounding window of each year's map, mask it with
rasterio.features.geometry_mask (all_touched=False: the pixel centre rule), count with np.bincount).

Writes classes.csv (mine_id,year,code,pixels,area_ha) and transitions.csv (mine_id,from_year,
to_year,from_code,to_code,pixels,area_ha) into OUT, zero rows omitted, and prints one JSON line:
seconds, mines, peak RSS. Mines are GeoJSON in the rasters' CRS (EPSG:4326 in the benchmark).
Needs the Debian packages python3-rasterio and python3-numpy (apt-get install -y python3-rasterio).

    /usr/bin/python3 bench/batch_rasterio.py MINES.geojson ID_FIELD OUT YEAR=PATH YEAR=PATH ...
"""
import csv
import json
import math
import os
import resource
import sys
import time

import numpy as np
import rasterio
from rasterio.features import bounds, geometry_mask
from rasterio.windows import Window

t0 = time.perf_counter()
mines_path, id_field, out = sys.argv[1], sys.argv[2], sys.argv[3]
maps = sorted((int(a.split("=", 1)[0]), a.split("=", 1)[1]) for a in sys.argv[4:])
years = [y for y, _ in maps]
os.makedirs(out, exist_ok=True)
srcs = [rasterio.open(p) for _, p in maps]
src = srcs[0]
H, W = src.height, src.width
nodata = src.nodata

# Per-row pixel areas on the WGS 84 ellipsoid (authalic zone formula), ha.
a_, f_ = 6378137.0, 1 / 298.257223563
b_, e2 = a_ * (1 - f_), f_ * (2 - f_)
e_ = math.sqrt(e2)


def zone(lat):
    s = math.sin(math.radians(lat))
    return b_ * b_ / 2 * (s / (1 - e2 * s * s) + 1 / (2 * e_) * math.log((1 + e_ * s) / (1 - e_ * s)))


tr = src.transform
row_area = np.array(
    [abs(zone(tr.f + r * tr.e) - zone(tr.f + (r + 1) * tr.e)) * math.radians(tr.a) / 1e4 for r in range(H)]
)

with open(mines_path) as f:
    features = json.load(f)["features"]
cls_f = open(os.path.join(out, "classes.csv"), "w", newline="")
trn_f = open(os.path.join(out, "transitions.csv"), "w", newline="")
cls_w, trn_w = csv.writer(cls_f), csv.writer(trn_f)
cls_w.writerow(["mine_id", "year", "code", "pixels", "area_ha"])
trn_w.writerow(["mine_id", "from_year", "to_year", "from_code", "to_code", "pixels", "area_ha"])
counted = 0
for feat in features:
    mid = str(feat["properties"][id_field])
    geom = feat["geometry"]
    minx, miny, maxx, maxy = bounds(geom)
    # The bounding window, one pixel larger on each side, cut to the raster.
    c0 = max(0, math.floor((minx - tr.c) / tr.a) - 1)
    c1 = min(W, math.ceil((maxx - tr.c) / tr.a) + 1)
    r0 = max(0, math.floor((maxy - tr.f) / tr.e) - 1)
    r1 = min(H, math.ceil((miny - tr.f) / tr.e) + 1)
    if c1 <= c0 or r1 <= r0:
        continue
    win = Window(c0, r0, c1 - c0, r1 - r0)
    inside = geometry_mask([geom], out_shape=(r1 - r0, c1 - c0), transform=rasterio.windows.transform(win, tr), invert=True, all_touched=False)
    if not inside.any():
        continue
    counted += 1
    area = np.broadcast_to(row_area[r0:r1, None], inside.shape)[inside]
    prev = None
    for i, s in enumerate(srcs):
        codes = s.read(1, window=win)[inside].astype(np.int64)
        valid = codes != nodata if nodata is not None else np.ones(codes.shape, bool)
        px = np.bincount(codes[valid], minlength=1)
        ha = np.bincount(codes[valid], weights=area[valid], minlength=1)
        for code in np.nonzero(px)[0]:
            cls_w.writerow([mid, years[i], int(code), int(px[code]), float(ha[code])])
        if prev is not None:
            pcodes, pvalid = prev
            both = valid & pvalid
            key = pcodes[both] * 65536 + codes[both]
            keys, inv = np.unique(key, return_inverse=True)
            tpx = np.bincount(inv)
            tha = np.bincount(inv, weights=area[both])
            for k, n, h in zip(keys, tpx, tha):
                trn_w.writerow([mid, years[i - 1], years[i], int(k // 65536), int(k % 65536), int(n), float(h)])
        prev = (codes, valid)
cls_f.close()
trn_f.close()
print(json.dumps({
    "seconds": round(time.perf_counter() - t0, 3),
    "mines": counted,
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
