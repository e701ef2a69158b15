/** bpmn-moddle ships no types; this is the part Kärna uses. */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id: string;
    name?: string;
    implementation?: string;
  }
  export interface ParseResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    warnings: Array<{ message: string }>;
  }
  export default class BpmnModdle {
    fromXML(xml: string): Promise<ParseResult>;
  }
}
