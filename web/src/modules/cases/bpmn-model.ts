/**
 * What the case screen needs from a process's BPMN XML without loading bpmn-js: its steps in
 * order (the diagram's text alternative) and, for XML written without a drawing (no BPMN DI, as
 * definitions made by hand often are), a simple left-to-right layout so that bpmn-js can draw it.
 */

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const DC = 'http://www.omg.org/spec/DD/20100524/DC';
const DI = 'http://www.omg.org/spec/DD/20100524/DI';

export type StepKind = 'startEvent' | 'endEvent' | 'userTask' | 'serviceTask' | 'gateway' | 'other';

export interface ProcessStep {
  id: string;
  name: string | null;
  kind: StepKind;
  /** The element's BPMN type, e.g. `exclusiveGateway`. */
  type: string;
  /** Its column from the start: the longest path of sequence flows leading to it. */
  layer: number;
  /** Its place within the column. */
  row: number;
}

export interface ProcessModel {
  processId: string;
  steps: ProcessStep[];
  flows: { id: string; source: string; target: string }[];
  /** Whether the XML carries its own drawing (BPMN DI with shapes). */
  hasDiagram: boolean;
}

const TASKS = new Set([
  'task',
  'userTask',
  'serviceTask',
  'scriptTask',
  'sendTask',
  'receiveTask',
  'manualTask',
  'businessRuleTask',
  'callActivity',
  'subProcess',
]);
const GATEWAYS = new Set([
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
]);
const EVENTS = new Set([
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
]);

function kindOf(type: string): StepKind {
  if (type === 'startEvent' || type === 'endEvent' || type === 'userTask' || type === 'serviceTask') {
    return type;
  }
  if (GATEWAYS.has(type)) return 'gateway';
  return 'other';
}

function parseXml(xml: string): Document | null {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  return document.getElementsByTagName('parsererror').length > 0 ? null : document;
}

/**
 * The first process of the XML with its flow nodes in reading order (by column, then row), or
 * null when the XML cannot be read.
 */
export function readProcess(xml: string): ProcessModel | null {
  const document = parseXml(xml);
  if (!document) return null;
  const process = document.getElementsByTagNameNS(BPMN, 'process')[0];
  if (!process) return null;

  const nodes: Omit<ProcessStep, 'layer' | 'row'>[] = [];
  const flows: ProcessModel['flows'] = [];
  for (const element of Array.from(process.children)) {
    if (element.namespaceURI !== BPMN) continue;
    const type = element.localName;
    const id = element.getAttribute('id');
    if (!id) continue;
    if (type === 'sequenceFlow') {
      const source = element.getAttribute('sourceRef');
      const target = element.getAttribute('targetRef');
      if (source && target) flows.push({ id, source, target });
    } else if (TASKS.has(type) || GATEWAYS.has(type) || EVENTS.has(type)) {
      nodes.push({ id, name: element.getAttribute('name')?.trim() || null, kind: kindOf(type), type });
    }
  }

  const placed = placeNodes(nodes, flows);
  const hasDiagram = document.getElementsByTagNameNS(BPMNDI, 'BPMNShape').length > 0;
  return {
    processId: process.getAttribute('id') ?? 'process',
    steps: placed,
    flows,
    hasDiagram,
  };
}

/**
 * Columns by the longest path from a start (loops are cut where they turn back), rows in document
 * order. Nodes nothing leads to (and no start) go in the first column.
 */
function placeNodes(
  nodes: Omit<ProcessStep, 'layer' | 'row'>[],
  flows: ProcessModel['flows'],
): ProcessStep[] {
  const ids = new Set(nodes.map((node) => node.id));
  const outgoing = new Map<string, string[]>();
  for (const flow of flows) {
    if (!ids.has(flow.source) || !ids.has(flow.target)) continue;
    outgoing.set(flow.source, [...(outgoing.get(flow.source) ?? []), flow.target]);
  }
  // Depth-first from each start finds the flows that go back (loops); the rest form a DAG.
  const forward = new Map<string, string[]>();
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'visiting');
    for (const target of outgoing.get(id) ?? []) {
      if (state.get(target) === 'visiting') continue;
      forward.set(id, [...(forward.get(id) ?? []), target]);
      if (!state.has(target)) visit(target);
    }
    state.set(id, 'done');
    order.unshift(id);
  };
  const starts = nodes.filter((node) => node.type === 'startEvent').map((node) => node.id);
  for (const id of [...starts, ...nodes.map((node) => node.id)]) if (!state.has(id)) visit(id);

  // Longest path over the DAG, in topological order.
  const layer = new Map<string, number>(order.map((id) => [id, 0]));
  for (const id of order) {
    for (const target of forward.get(id) ?? []) {
      layer.set(target, Math.max(layer.get(target) ?? 0, (layer.get(id) ?? 0) + 1));
    }
  }
  // Within a column, the order the XML lists them in: its author's order.
  const rows = new Map<number, number>();
  const placed: ProcessStep[] = [];
  for (const node of nodes) {
    const column = layer.get(node.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    placed.push({ ...node, layer: column, row });
  }
  return placed.sort((a, b) => a.layer - b.layer || a.row - b.row);
}

const SIZES: Record<'event' | 'task' | 'gateway', { width: number; height: number }> = {
  event: { width: 36, height: 36 },
  task: { width: 100, height: 80 },
  gateway: { width: 50, height: 50 },
};
const COLUMN_WIDTH = 160;
const ROW_HEIGHT = 130;
const MARGIN = 80;

function sizeOf(step: ProcessStep) {
  if (EVENTS.has(step.type)) return SIZES.event;
  if (GATEWAYS.has(step.type)) return SIZES.gateway;
  return SIZES.task;
}

/**
 * The XML with a drawing added (BPMN DI): steps left to right by column, flows as right-angled
 * lines. XML that has its own drawing, or cannot be read, comes back unchanged.
 */
export function withLayout(xml: string, model: ProcessModel): string {
  if (model.hasDiagram) return xml;
  const document = parseXml(xml);
  const definitions = document?.documentElement;
  if (!document || !definitions) return xml;

  const centre = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const step of model.steps) {
    const size = sizeOf(step);
    centre.set(step.id, {
      x: MARGIN + step.layer * COLUMN_WIDTH,
      y: MARGIN + step.row * ROW_HEIGHT,
      ...size,
    });
  }
  const lowest = Math.max(MARGIN, ...[...centre.values()].map((box) => box.y + box.height / 2));

  const diagram = document.createElementNS(BPMNDI, 'bpmndi:BPMNDiagram');
  diagram.setAttribute('id', `${model.processId}_karna_layout`);
  const plane = document.createElementNS(BPMNDI, 'bpmndi:BPMNPlane');
  plane.setAttribute('id', `${model.processId}_karna_plane`);
  plane.setAttribute('bpmnElement', model.processId);
  diagram.appendChild(plane);

  for (const step of model.steps) {
    const box = centre.get(step.id);
    if (!box) continue;
    const shape = document.createElementNS(BPMNDI, 'bpmndi:BPMNShape');
    shape.setAttribute('id', `${step.id}_di`);
    shape.setAttribute('bpmnElement', step.id);
    if (step.type === 'exclusiveGateway') shape.setAttribute('isMarkerVisible', 'true');
    const bounds = document.createElementNS(DC, 'dc:Bounds');
    bounds.setAttribute('x', String(box.x - box.width / 2));
    bounds.setAttribute('y', String(box.y - box.height / 2));
    bounds.setAttribute('width', String(box.width));
    bounds.setAttribute('height', String(box.height));
    shape.appendChild(bounds);
    plane.appendChild(shape);
  }

  for (const flow of model.flows) {
    const from = centre.get(flow.source);
    const to = centre.get(flow.target);
    if (!from || !to) continue;
    const points: [number, number][] = [];
    if (to.x > from.x) {
      const startX = from.x + from.width / 2;
      const endX = to.x - to.width / 2;
      points.push([startX, from.y]);
      if (to.y !== from.y) {
        const middle = Math.round((startX + endX) / 2);
        points.push([middle, from.y], [middle, to.y]);
      }
      points.push([endX, to.y]);
    } else {
      // A loop back: under everything, from the bottom of one to the bottom of the other.
      const below = lowest + 40;
      points.push(
        [from.x, from.y + from.height / 2],
        [from.x, below],
        [to.x, below],
        [to.x, to.y + to.height / 2],
      );
    }
    const edge = document.createElementNS(BPMNDI, 'bpmndi:BPMNEdge');
    edge.setAttribute('id', `${flow.id}_di`);
    edge.setAttribute('bpmnElement', flow.id);
    for (const [x, y] of points) {
      const waypoint = document.createElementNS(DI, 'di:waypoint');
      waypoint.setAttribute('x', String(x));
      waypoint.setAttribute('y', String(y));
      edge.appendChild(waypoint);
    }
    plane.appendChild(edge);
  }

  definitions.appendChild(diagram);
  return new XMLSerializer().serializeToString(document);
}
