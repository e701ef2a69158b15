import type { PortfolioGraph } from '@karna/contracts';

/**
 * The integration graph as a map for people (GET /api/portfolio/graph?maxBoxes=…). A department's
 * graph on a large portfolio has thousands of systems (bench/portfolio-list.ts: 3,600 systems and
 * 5,400 integrations): more than anyone can read, more than a browser lays out in a second, and
 * 1.8 MB to send. Up to `maxBoxes` every system is a box; above it the systems the unit exchanges
 * information with are gathered in one box per owning board; and if the unit's own systems are
 * still too many, its own are gathered by board too. One line joins two boxes, with the count of
 * the integrations it stands for.
 */

type Grouping = PortfolioGraph['grouping'];
type GraphNode = PortfolioGraph['nodes'][number];
type GraphEdge = PortfolioGraph['edges'][number];

/** The box a system is drawn in, for each way of grouping. */
const BOX_OF: Record<Grouping, (node: GraphNode) => string> = {
  none: (node) => node.id,
  partners: (node) => (node.focus ? node.id : `other:${node.owningBoardId}`),
  boards: (node) => `${node.focus ? 'focus' : 'other'}:${node.owningBoardId}`,
};

/** The least grouping that keeps the map within `maxBoxes` boxes (or the most, if none does). */
export function chooseGrouping(nodes: readonly GraphNode[], maxBoxes: number): Grouping {
  if (nodes.length <= maxBoxes) return 'none';
  return new Set(nodes.map(BOX_OF.partners)).size <= maxBoxes ? 'partners' : 'boards';
}

/** The graph with its systems gathered in boxes as `grouping` says (unchanged for 'none'). */
export function groupGraph(graph: PortfolioGraph, grouping: Grouping): PortfolioGraph {
  if (grouping === 'none') return graph;
  const boxOf = BOX_OF[grouping];
  const boxes = new Map<string, GraphNode>();
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
          ? { ...node }
          : { ...node, id, kind: 'group', name: node.owningBoard, tier: null, systems: 1 },
      );
  }
  const lines = new Map<string, GraphEdge & { types: Set<string> }>();
  for (const edge of graph.edges) {
    const source = boxBySystem.get(edge.source);
    const target = boxBySystem.get(edge.target);
    // Integrations inside one box are counted in the totals and listed, not drawn as a loop.
    if (!source || !target || source === target) continue;
    const id = `${source}>${target}`;
    const line = lines.get(id);
    if (!line) {
      lines.set(id, { ...edge, id, source, target, types: new Set(edge.informationTypes) });
      continue;
    }
    line.integrations += edge.integrations;
    if (line.pattern !== edge.pattern) line.pattern = 'mixed';
    for (const type of edge.informationTypes) line.types.add(type);
  }
  const collator = new Intl.Collator('sv');
  return {
    ...graph,
    grouping,
    nodes: [...boxes.values()],
    edges: [...lines.values()].map(({ types, ...line }) => ({
      ...line,
      informationTypes: [...types].sort(collator.compare),
    })),
  };
}
