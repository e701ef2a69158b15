export type { DocumentSection, DocumentSpec, LabelledValue, RenderOptions } from './document-spec.ts';
export { renderDocument } from './render-document.ts';
