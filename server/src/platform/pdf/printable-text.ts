import type { Font } from 'fontkit';
import type { DocumentSpec, LabelledValue } from './document-spec.ts';

const REPLACEMENT = '\uFFFD';
/** Text made only of these (printable Latin, Swedish letters included) needs no glyph look-up. */
const COMMON_TEXT = /^[\n\u0020-\u007e\u00a0-\u024f\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to replace
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/**
 * The spec with every drawn text made printable in the document's fonts. PDF/A forbids showing
 * the .notdef glyph (ISO 19005-2, 6.2.11.8), which is what a character missing from the font
 * becomes: a citizen's free text with a Chinese name or a control character would otherwise give
 * a file that fails validation. Such characters become U+FFFD (�), visibly replaced; tabs and
 * other control characters become spaces; line ends become "\n", which pdfkit breaks lines at.
 */
export function printableSpec(spec: DocumentSpec, fonts: readonly Font[]): DocumentSpec {
  const text = (value: string) => printableText(value, fonts);
  const labelled = (item: LabelledValue) => ({ label: text(item.label), value: text(item.value) });
  return {
    ...spec,
    title: text(spec.title),
    issuer: spec.issuer.map(text),
    ...(spec.reference ? { reference: labelled(spec.reference) } : {}),
    date: labelled(spec.date),
    sections: spec.sections.map((section) => ({
      ...(section.heading === undefined ? {} : { heading: text(section.heading) }),
      ...(section.facts ? { facts: section.facts.map(labelled) } : {}),
      ...(section.paragraphs ? { paragraphs: section.paragraphs.map(text) } : {}),
    })),
    ...(spec.footer === undefined ? {} : { footer: text(spec.footer) }),
  };
}

/** One text made printable in all of `fonts` (see printableSpec). */
export function printableText(text: string, fonts: readonly Font[]): string {
  const normalised = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
  if (COMMON_TEXT.test(normalised)) return normalised;
  let printable = '';
  for (const character of normalised) {
    const codePoint = character.codePointAt(0) ?? 0;
    const isDrawable = character === '\n' || fonts.every((font) => font.hasGlyphForCodePoint(codePoint));
    printable += isDrawable ? character : REPLACEMENT;
  }
  return printable;
}
