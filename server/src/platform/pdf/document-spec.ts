/** A label and its value: a row of a facts table, the reference number, the date. */
export interface LabelledValue {
  label: string;
  value: string;
}

/** One part of a document's body, drawn in this order: heading, facts, paragraphs. */
export interface DocumentSection {
  heading?: string;
  facts?: LabelledValue[];
  paragraphs?: string[];
}

/**
 * What a receipt or decision says. Layout, fonts and the PDF/A details are the renderer's; the
 * caller only supplies text, already in the document's language.
 */
export interface DocumentSpec {
  language: 'sv' | 'en';
  /** The document title: the first heading, and the title in the PDF's metadata. */
  title: string;
  /** Who issues the document, e.g. 'Mölnåls stad': the PDF's author. */
  author: string;
  subject?: string;
  /** Lines at the top left: the municipality, the unit. */
  issuer: string[];
  /** E.g. { label: 'Diarienummer', value: 'BUN 2026/12' }. */
  reference?: LabelledValue;
  date: LabelledValue;
  sections: DocumentSection[];
  /** A line at the foot of every page, e.g. the unit's address. */
  footer?: string;
}

export interface RenderOptions {
  /**
   * The creation date written to the metadata; now by default. The file identifier is derived
   * from the metadata, so the same spec and date give the same bytes.
   */
  creationDate?: Date;
}
