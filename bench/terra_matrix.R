# The peer in R: terra, on the same pair of maps. Transfer matrix with crosstab() and, unless
# --matrix-only, the zone raster written as tiled DEFLATE GeoTIFF (zone codes through a lookup of
# a*256+b, as MineCarbon and the rasterio script). Prints one JSON line.
#   Rscript bench/terra_matrix.R a.tif b.tif out.tif [--matrix-only]
suppressMessages(library(terra))
args <- commandArgs(trailingOnly = TRUE)
matrix_only <- "--matrix-only" %in% args
files <- args[!startsWith(args, "--")]
t0 <- Sys.time()
a <- rast(files[1]); b <- rast(files[2])
tab <- crosstab(c(a, b), long = TRUE)
if (!matrix_only) {
  sinks <- c(1, 2, 3); mining <- c(7, 8, 9, 10)
  zone <- rep(0L, 65536)
  for (f in 1:11) for (t in 1:11) {
    z <- 5L
    if (f == t && f %in% sinks) z <- 1L
    else if ((f %in% mining && t %in% sinks) || (f %in% c(1, 3) && t == 2)) z <- 2L
    else if ((f %in% sinks && t %in% c(4, 5, 6, 11)) || (f == 3 && t == 1)) z <- 3L
    else if (f %in% sinks && t %in% mining) z <- 4L
    zone[f * 256 + t + 1] <- z
  }
  idx <- a * 256 + b
  codes <- which(zone > 0) - 1
  out <- classify(idx, rcl = cbind(codes, zone[codes + 1]), others = 0)
  writeRaster(out, files[3], overwrite = TRUE, datatype = "INT1U",
              gdal = c("COMPRESS=DEFLATE", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"))
}
secs <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
px <- ncell(a)
cat(sprintf('{"tool": "R terra%s", "seconds": %.3f, "pixels_per_second": %.0f, "transitions": %.0f}\n',
            if (matrix_only) " (matrix only)" else " (matrix + DEFLATE raster)", secs, px / secs, sum(tab[, 3])))
