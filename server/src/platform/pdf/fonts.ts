import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/** The faces a document uses, parsed once and shared by every document of the process. */
export interface DocumentFonts {
  regular: Font;
  bold: Font;
}

const require = createRequire(import.meta.url);
let fonts: DocumentFonts | undefined;

/**
 * DejaVu Sans, regular and bold. PDF/A needs every font embedded (the standard 14 are not
 * allowed), and DejaVu has the letters of Swedish and of the national minority languages.
 *
 * The faces are parsed once and kept: on a fresh font the first text layout decodes the glyph
 * positioning and substitution tables (30–60 ms a face), and subsetting reads the glyph index
 * (≈ 10 ms), which made a one-page receipt cost ≈ 180 ms. Sharing is safe: fontkit only caches
 * what it decodes, and pdfkit makes its own subset of the font for each document.
 */
export function documentFonts(): DocumentFonts {
  fonts ??= {
    regular: readFont('DejaVuSans.ttf'),
    bold: readFont('DejaVuSans-Bold.ttf'),
  };
  return fonts;
}

function readFont(name: string): Font {
  return create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)));
}
