"""Independent oracle for the São Lourenço transfer matrices: rasterio + numpy (Debian packages),
pixels valid (not 255) at all five dates, every consecutive pair and 2002→2014. Writes
expected-transitions.csv next to this file. Run from the repository root:

    /usr/bin/python3 golden/sao-lourenco-matrices/make-expected.py ../shared/data/sao-lourenco
"""
import csv
import os
import sys

import numpy as np
import rasterio

root = sys.argv[1]
years = [2002, 2008, 2010, 2012, 2014]
data = [rasterio.open(os.path.join(root, f"landscape_{y}.tif")).read(1) for y in years]
valid = np.ones(data[0].shape, dtype=bool)
for d in data:
    valid &= d != 255
pairs = [(i, i + 1) for i in range(4)] + [(0, 4)]
out = os.path.join(os.path.dirname(__file__), "expected-transitions.csv")
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["from_year", "to_year", "from_code", "to_code", "pixels"])
    for i, j in pairs:
        idx = (data[i][valid].astype(np.int64) << 8) | data[j][valid]
        counts = np.bincount(idx, minlength=65536)
        for k in np.nonzero(counts)[0]:
            w.writerow([years[i], years[j], int(k >> 8), int(k & 255), int(counts[k])])
print(out)
