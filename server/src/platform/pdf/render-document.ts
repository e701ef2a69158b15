import PDFDocument from 'pdfkit';
import type { DocumentSpec, RenderOptions } from './document-spec.ts';
import { documentFonts } from './fonts.ts';
import { BOLD, drawDocument, PAGE, REGULAR } from './layout.ts';
import { printableSpec } from './printable-text.ts';

const CREATOR = 'Kärna';

/**
 * Renders a receipt or decision as a PDF/A-2b file (ISO 19005-2, level B): every font embedded
 * (DejaVu Sans), an sRGB output intent, XMP metadata with title, author, subject, language and
 * creation date, and tagged structure for assistive technology. PDF/A is what archives
 * (e-arkiv, Riksarkivet's rules) accept for long-term keeping of public records.
 */
export async function renderDocument(spec: DocumentSpec, options: RenderOptions = {}): Promise<Uint8Array> {
  const fonts = documentFonts();
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: spec.language,
    displayTitle: true,
    bufferPages: true,
    size: PAGE.size,
    margins: PAGE.margins,
    // The first font pdfkit loads is its default; an embedded one keeps Helvetica out of the file.
    font: fonts.regular as unknown as string,
    info: {
      Title: metadataText(spec.title),
      Author: metadataText(spec.author),
      ...(spec.subject ? { Subject: metadataText(spec.subject) } : {}),
      Creator: CREATOR,
      Producer: `${CREATOR} (PDFKit)`,
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  escapeXmpValues(doc);
  const bytes = collectBytes(doc);
  // pdfkit's types predate its support for parsed fonts: the casts only widen the parameter.
  doc.registerFont(REGULAR, fonts.regular as unknown as Uint8Array);
  doc.registerFont(BOLD, fonts.bold as unknown as Uint8Array);
  drawDocument(doc, printableSpec(spec, [fonts.regular, fonts.bold]));
  doc.end();
  return bytes;
}

/** The document's bytes once pdfkit has written them, as a plain Uint8Array (not a Buffer). */
function collectBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      const bytes = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.byteLength, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
  });
}

/**
 * XML 1.0 cannot carry control characters (other than tab and line breaks), and PDF/A wants the
 * metadata and the document information dictionary to say the same: such characters become spaces
 * in both.
 */
function metadataText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, ' ');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * pdfkit 0.20 copies the document information strings into the XMP packet without escaping them,
 * so a title such as "Bygglov & marklov" would make the metadata malformed XML and the file fail
 * PDF/A validation. The information dictionary itself must keep the plain text, so the values are
 * escaped only while pdfkit writes the XMP (`_addInfo`, called from `end()` after the dictionary
 * is written). The test with "&" and "<" in the title fails if pdfkit renames that step.
 */
function escapeXmpValues(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { _addInfo(): void; info: Record<string, unknown> };
  const addInfo = internals._addInfo;
  if (typeof addInfo !== 'function') throw new Error('pdfkit no longer has _addInfo: see escapeXmpValues');
  internals._addInfo = function addEscapedInfo(this: typeof internals) {
    const plain = this.info;
    this.info = Object.fromEntries(
      Object.entries(plain).map(([key, value]) => [
        key,
        typeof value === 'string' ? value.replace(/[&<>]/g, (c) => XML_ESCAPES[c] ?? c) : value,
      ]),
    );
    try {
      addInfo.call(this);
    } finally {
      this.info = plain;
    }
  };
}
