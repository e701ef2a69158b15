// fontkit (pdfkit's font engine) ships no types: the little of it Kärna uses. pdfkit accepts the
// parsed fonts in registerFont() and font() since 0.20.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
