import type { DocumentSection, DocumentSpec, LabelledValue } from './document-spec.ts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Font names registered on every document (see render-document.ts). */
export const REGULAR = 'regular';
export const BOLD = 'bold';

/** A4 in points, with room at the foot for the footer line and page number. */
export const PAGE = { size: 'A4', margins: { top: 56, right: 64, bottom: 84, left: 64 } } as const;

// Grey text is #595959: 7:1 against white, readable when printed and for weak sight (WCAG AAA).
const COLOR = { text: '#1a1a1a', muted: '#595959', rule: '#b3b3b3' };
const SIZE = { issuer: 10, label: 8, title: 18, heading: 12.5, body: 10.5, fact: 10, footer: 8 };
const GAP = { afterHeader: 16, afterTitle: 12, afterHeading: 6, factRow: 5, paragraph: 8, section: 14 };
const LABEL_SHARE = 0.34;
const PAGE_LABEL = {
  sv: (page: number, pages: number) => `Sida ${page} av ${pages}`,
  en: (page: number, pages: number) => `Page ${page} of ${pages}`,
};

/**
 * Draws the whole document: issuer, reference and date, title, sections, and a footer with page
 * numbers on every page. Text is tagged (Document › H1, Sect › H2, Table, P) so screen readers
 * and reflowing viewers get the structure; lines and footers are artifacts. The document must
 * buffer its pages, since "page 1 of n" is only known at the end.
 */
export function drawDocument(doc: Doc, spec: DocumentSpec): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  drawHeader(doc, root, spec);
  add(doc, root, 'H1', () => {
    setFont(doc, BOLD, SIZE.title);
    doc.text(spec.title, left(doc), doc.y, { width: contentWidth(doc), lineGap: 2 });
  });
  doc.y += GAP.afterTitle;
  for (const section of spec.sections) drawSection(doc, root, section);
  root.end();
  drawPageFurniture(doc, spec);
}

function drawHeader(doc: Doc, root: Struct, spec: DocumentSpec): void {
  const top = doc.y;
  const width = contentWidth(doc);
  const metaX = left(doc) + width * 0.62;
  // One paragraph a line, so that assistive technology does not run the lines together.
  spec.issuer.forEach((line, index) => {
    add(doc, root, 'P', () => {
      setFont(doc, index === 0 ? BOLD : REGULAR, SIZE.issuer);
      doc.text(line, left(doc), doc.y, { width: width * 0.58 });
    });
  });
  const issuerBottom = doc.y;
  doc.y = top;
  for (const item of [spec.reference, spec.date]) {
    if (item) drawLabelAbove(doc, root, item, metaX, width * 0.38);
  }
  doc.y = Math.max(doc.y, issuerBottom) + GAP.afterHeader;
  drawRule(doc);
  doc.y += GAP.afterHeader;
}

/** A small grey label with its value under it, as the reference and date at the top right. */
function drawLabelAbove(doc: Doc, root: Struct, item: LabelledValue, x: number, width: number): void {
  add(doc, root, 'P', () => {
    setFont(doc, REGULAR, SIZE.label).fillColor(COLOR.muted);
    doc.text(item.label, x, doc.y, { width });
  });
  add(doc, root, 'P', () => {
    setFont(doc, REGULAR, SIZE.issuer).fillColor(COLOR.text);
    doc.text(item.value, x, doc.y, { width });
  });
  doc.y += 4;
}

function drawSection(doc: Doc, root: Struct, section: DocumentSection): void {
  const sect = doc.struct('Sect');
  root.add(sect);
  if (section.heading) {
    const heading = section.heading;
    setFont(doc, BOLD, SIZE.heading);
    // A heading goes to the next page with what it introduces rather than stay alone at a foot.
    const headingHeight = doc.heightOfString(heading, { width: contentWidth(doc) }) + GAP.afterHeading;
    if (doc.y + headingHeight + firstBlockHeight(doc, section) > doc.page.maxY()) doc.continueOnNewPage();
    add(doc, sect, 'H2', () => {
      setFont(doc, BOLD, SIZE.heading);
      doc.text(heading, left(doc), doc.y, { width: contentWidth(doc) });
    });
    doc.y += GAP.afterHeading;
  }
  if (section.facts?.length) drawFacts(doc, sect, section.facts);
  for (const paragraph of section.paragraphs ?? []) {
    add(doc, sect, 'P', () => {
      setFont(doc, REGULAR, SIZE.body);
      doc.text(paragraph, left(doc), doc.y, { width: contentWidth(doc), lineGap: 3 });
    });
    doc.y += GAP.paragraph;
  }
  sect.end();
  doc.y += GAP.section - GAP.paragraph;
}

/** The height that must follow a heading on its page: the first fact row, or three lines of text. */
function firstBlockHeight(doc: Doc, section: DocumentSection): number {
  const [fact] = section.facts ?? [];
  if (fact) {
    const height = factRowHeight(doc, fact);
    return isMovedWhole(doc, height) ? height : 2 * lineHeight(doc, SIZE.fact);
  }
  const [paragraph] = section.paragraphs ?? [];
  if (paragraph === undefined) return 0;
  setFont(doc, REGULAR, SIZE.body);
  const paragraphHeight = doc.heightOfString(paragraph, { width: contentWidth(doc), lineGap: 3 });
  return Math.min(paragraphHeight, 3 * lineHeight(doc, SIZE.body));
}

/**
 * Label/value rows as a two-column table with row headers. A row that does not fit moves whole to
 * the next page if it is short; a long one starts here and its value flows on over the break, so
 * that it leaves no large gap (and a row longer than a page can be drawn at all).
 */
function drawFacts(doc: Doc, sect: Struct, facts: LabelledValue[]): void {
  const table = doc.struct('Table');
  sect.add(table);
  const { labelWidth, valueX, valueWidth } = factColumns(doc);
  for (const fact of facts) {
    const height = factRowHeight(doc, fact);
    const startsHere = isMovedWhole(doc, height)
      ? doc.y + height <= doc.page.maxY()
      : doc.y + 2 * lineHeight(doc, SIZE.fact) <= doc.page.maxY();
    if (!startsHere) doc.continueOnNewPage();
    const rowTop = doc.y;
    const row = doc.struct('TR');
    table.add(row);
    add(
      doc,
      row,
      'TH',
      () => {
        setFont(doc, BOLD, SIZE.fact);
        doc.text(fact.label, left(doc), rowTop, { width: labelWidth });
      },
      { scope: 'Row' },
    );
    const labelBottom = doc.y;
    const page = doc.page;
    add(doc, row, 'TD', () => {
      setFont(doc, REGULAR, SIZE.fact);
      doc.text(fact.value, valueX, rowTop, { width: valueWidth });
    });
    row.end();
    // A value that flowed onto the next page ends the row there; otherwise the taller cell does.
    doc.y = (doc.page === page ? Math.max(doc.y, labelBottom) : doc.y) + GAP.factRow;
  }
  table.end();
  doc.y += GAP.paragraph;
}

function factColumns(doc: Doc): { labelWidth: number; valueX: number; valueWidth: number } {
  return {
    labelWidth: contentWidth(doc) * LABEL_SHARE - 12,
    valueX: left(doc) + contentWidth(doc) * LABEL_SHARE,
    valueWidth: contentWidth(doc) * (1 - LABEL_SHARE),
  };
}

function isMovedWhole(doc: Doc, rowHeight: number): boolean {
  return rowHeight <= contentHeight(doc) / 3;
}

function factRowHeight(doc: Doc, fact: LabelledValue): number {
  const { labelWidth, valueWidth } = factColumns(doc);
  return Math.max(
    setFont(doc, BOLD, SIZE.fact).heightOfString(fact.label, { width: labelWidth }),
    setFont(doc, REGULAR, SIZE.fact).heightOfString(fact.value, { width: valueWidth }),
  );
}

/**
 * What repeats on every page, drawn once the page count is known: the footer line and
 * "Sida n av m", and from page 2 on the title and reference at the top, so that a printed page
 * that comes loose can be put back. All of it is an artifact, outside the reading order.
 */
function drawPageFurniture(doc: Doc, spec: DocumentSpec): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index++) {
    doc.switchToPage(start + index);
    doc.markContent('Artifact', { type: 'Pagination' });
    setFont(doc, REGULAR, SIZE.footer).fillColor(COLOR.muted);
    if (index > 0) drawRunningHeader(doc, spec);
    drawFooter(doc, spec, PAGE_LABEL[spec.language](index + 1, count));
    doc.fillColor(COLOR.text);
    doc.endMarkedContent();
  }
}

// Text placed outside the margins is given a height: without one pdfkit would start a new page.
function drawRunningHeader(doc: Doc, spec: DocumentSpec): void {
  const top = PAGE.margins.top - 28;
  const width = contentWidth(doc);
  const oneLine = lineHeight(doc, SIZE.footer) + 1;
  doc.text(spec.title, left(doc), top, { width: width * 0.7, height: oneLine, ellipsis: true });
  if (spec.reference) {
    const reference = `${spec.reference.label} ${spec.reference.value}`;
    doc.text(reference, left(doc) + width * 0.7, top, {
      width: width * 0.3,
      align: 'right',
      height: oneLine,
    });
  }
}

function drawFooter(doc: Doc, spec: DocumentSpec, pageLabel: string): void {
  const top = doc.page.height - PAGE.margins.bottom + 28;
  const width = contentWidth(doc);
  const oneLine = lineHeight(doc, SIZE.footer) + 1;
  doc.y = top - 8;
  drawRule(doc, false);
  if (spec.footer) {
    doc.text(spec.footer, left(doc), top, { width: width * 0.72, height: 2 * oneLine, ellipsis: true });
  }
  doc.text(pageLabel, left(doc) + width * 0.72, top, {
    width: width * 0.28,
    align: 'right',
    height: oneLine,
  });
}

/** A thin horizontal line across the text width at the current position, as an artifact. */
function drawRule(doc: Doc, markAsArtifact = true): void {
  if (markAsArtifact) doc.markContent('Artifact', { type: 'Layout' });
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .moveTo(left(doc), doc.y)
    .lineTo(left(doc) + contentWidth(doc), doc.y)
    .stroke()
    .restore();
  if (markAsArtifact) doc.endMarkedContent();
}

/** Adds a tagged element whose content `draw` puts on the page, at once (the parent is attached). */
function add(doc: Doc, parent: Struct, type: string, draw: () => void, attributes?: { scope: 'Row' }): void {
  // pdfkit reads `scope` (a table header's direction) though its type definitions omit it.
  const options = (attributes ?? {}) as PDFKit.Mixins.StructureElementOptions;
  parent.add(doc.struct(type, options, draw));
}

function setFont(doc: Doc, name: string, size: number): Doc {
  return doc.font(name).fontSize(size);
}

function lineHeight(doc: Doc, size: number): number {
  return doc.fontSize(size).currentLineHeight(true);
}

function left(doc: Doc): number {
  return doc.page.margins.left;
}

function contentHeight(doc: Doc): number {
  return doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
