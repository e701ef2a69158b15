import type { PortfolioGraph } from '@karna/contracts';

/**
 * What the integration map draws. A department's graph on a large portfolio has thousands of
 * systems (bench/portfolio-list.ts: 3,600 systems and 5,400 integrations), more than anyone can
 * read and more than the browser lays out in a second. Up to DETAIL_LIMIT boxes every system is
 * drawn; above it the systems the department exchanges information with are drawn as one box per
 * owning board; and if the department's own systems are still too many, its own are grouped by
 * board too. The table under the map always lists every integration.
 */
export const DETAIL_LIMIT = 80;
// Why 80: the force-directed layout grows with the square of the boxes; 176 systems took seconds
// to draw on the bench machine, a department's 30–60 take a few hundred milliseconds.

export type Grouping = 'none' | 'partners' | 'boards';

export interface DrawnNode {
  id: string;
  /** A system's name, or the owning board's name for a group. */
  name: string;
  focus: boolean;
  /** A system (opens its page) or a group of a board's systems (opens the map of that board). */
  kind: 'system' | 'group';
  /** The system's id, or the board's for a group. */
  targetId: string;
  systems: number;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  /** One pattern when all the integrations between the two boxes share it. */
  pattern: PortfolioGraph['edges'][number]['pattern'] | 'mixed';
  integrations: number;
}

export interface Drawing {
  grouping: Grouping;
  /** The systems and integrations drawn, grouped or not. */
  systems: number;
  integrations: number;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

type GraphNode = PortfolioGraph['nodes'][number];

/** The box a system is drawn in, for each way of grouping. */
const BOX_OF: Record<Grouping, (node: GraphNode) => string> = {
  none: (node) => node.id,
  partners: (node) => (node.focus ? node.id : `other:${node.owningBoardId}`),
  boards: (node) => `${node.focus ? 'focus' : 'other'}:${node.owningBoardId}`,
};

function boxCount(graph: PortfolioGraph, grouping: Grouping): number {
  return new Set(graph.nodes.map(BOX_OF[grouping])).size;
}

/** The least grouping that keeps the map within `limit` boxes (or the most, if none does). */
export function chooseGrouping(graph: PortfolioGraph, limit = DETAIL_LIMIT): Grouping {
  if (graph.nodes.length <= limit) return 'none';
  return boxCount(graph, 'partners') <= limit ? 'partners' : 'boards';
}

export function drawingOf(graph: PortfolioGraph, limit = DETAIL_LIMIT): Drawing {
  const grouping = chooseGrouping(graph, limit);
  const boxOf = BOX_OF[grouping];
  const boxes = new Map<string, DrawnNode>();
  const boxBySystem = new Map<string, string>();
  for (const node of graph.nodes) {
    const id = boxOf(node);
    boxBySystem.set(node.id, id);
    const box = boxes.get(id);
    if (box) box.systems += 1;
    else
      boxes.set(
        id,
        id === node.id
          ? { id, name: node.name, focus: node.focus, kind: 'system', targetId: node.id, systems: 1 }
          : {
              id,
              name: node.owningBoard,
              focus: node.focus,
              kind: 'group',
              targetId: node.owningBoardId,
              systems: 1,
            },
      );
  }
  const lines = new Map<string, DrawnEdge>();
  for (const edge of graph.edges) {
    const source = boxBySystem.get(edge.source);
    const target = boxBySystem.get(edge.target);
    // Integrations inside one group are counted in the table, not drawn as a loop.
    if (!source || !target || (source === target && grouping !== 'none')) continue;
    const key = grouping === 'none' ? edge.id : `${source}>${target}`;
    const line = lines.get(key);
    if (!line) {
      lines.set(key, { id: key, source, target, pattern: edge.pattern, integrations: 1 });
      continue;
    }
    line.integrations += 1;
    if (line.pattern !== edge.pattern) line.pattern = 'mixed';
  }
  return {
    grouping,
    systems: graph.nodes.length,
    integrations: graph.edges.length,
    nodes: [...boxes.values()],
    edges: [...lines.values()],
  };
}
