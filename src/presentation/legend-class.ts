/** A legend class as a mining area stores it and the legend editor edits it. */
export interface StoredLegendClass {
  code: number;
  name: string;
  nameZh?: string;
  key?: string;
  group?: string;
  colour?: string;
}
