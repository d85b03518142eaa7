// The part of fontkit (a dependency of pdfkit, shipped without types) that font-subset.ts uses.
declare module "fontkit" {
  export interface Glyph {
    readonly id: number;
  }
  export interface Subset {
    includeGlyph(glyph: Glyph | number): number;
    encode(): Uint8Array;
  }
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array): Font;
}
