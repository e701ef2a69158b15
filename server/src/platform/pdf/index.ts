export type { DocumentSection, DocumentSpec, LabelledValue, RenderOptions } from './document-spec.ts';

import type { DocumentSpec, RenderOptions } from './document-spec.ts';

/**
 * Renders a document as PDF/A. pdf-lib, fontkit and the fonts (about 33 MiB) are loaded at the
 * first document, not at start: most of the time a server has no document to write.
 */
export async function renderDocument(spec: DocumentSpec, options: RenderOptions = {}): Promise<Uint8Array> {
  const { renderDocument: render } = await import('./render-document.ts');
  return render(spec, options);
}
