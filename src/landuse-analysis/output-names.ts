/**
 * Names of outputs of `landuse analyze` that other parts read (the server's map layers, reports),
 * in a module of their own so that reading them loads nothing of the analysis.
 */

/** The accumulated-changes raster (class changes per pixel across the dates); its preview is `.png`. */
export const CHANGES_FILE = "accumulated-changes.tif";

/** The chord diagram of the one-step transitions, an SVG rendered with ECharts. */
export const CHORD_FILE = "transitions-chord.svg";
