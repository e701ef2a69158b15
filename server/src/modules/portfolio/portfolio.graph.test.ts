import type { PortfolioGraph } from '@karna/contracts';
import { describe, expect, it } from 'vitest';
import { chooseGrouping, groupGraph } from './portfolio.graph.ts';

const BOARDS = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];

function system(n: number, focus: boolean, board = 0): PortfolioGraph['nodes'][number] {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `System ${n}`,
    tier: null,
    owningBoardId: BOARDS[board] ?? '',
    owningBoard: board === 0 ? 'Nämnd A' : 'Nämnd B',
    focus,
    kind: 'system',
    systems: 1,
  };
}

function integration(
  n: number,
  from: PortfolioGraph['nodes'][number],
  to: PortfolioGraph['nodes'][number],
  pattern: 'api' | 'file' = 'api',
) {
  return {
    id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    source: from.id,
    target: to.id,
    pattern,
    integrations: 1,
    informationTypes: [`Typ ${n}`],
  };
}

describe('the integration graph of a large department as a map', () => {
  const [own1, own2, partnerA1, partnerA2] = [
    system(1, true),
    system(2, true),
    system(3, false),
    system(4, false),
  ];
  const partnerB = system(5, false, 1);
  const graph: PortfolioGraph = {
    grouping: 'none',
    systems: 5,
    integrations: 4,
    nodes: [own1, own2, partnerA1, partnerA2, partnerB],
    edges: [
      integration(1, own1, partnerA1),
      integration(2, own1, partnerA2, 'file'),
      integration(3, own2, partnerB),
      integration(4, partnerA1, partnerA2),
    ],
  };

  it('draws every system while they fit', () => {
    const drawing = groupGraph(graph, chooseGrouping(graph.nodes, 5));
    expect(drawing.grouping).toBe('none');
    expect(drawing.nodes).toHaveLength(5);
    expect(drawing.edges).toHaveLength(4);
  });

  it("gathers the partners by board, counting a pair's integrations and their patterns", () => {
    const drawing = groupGraph(graph, chooseGrouping(graph.nodes, 4));
    expect(drawing.grouping).toBe('partners');
    expect(drawing.nodes.map((node) => [node.name, node.kind, node.systems])).toEqual([
      ['System 1', 'system', 1],
      ['System 2', 'system', 1],
      ['Nämnd A', 'group', 2],
      ['Nämnd B', 'group', 1],
    ]);
    const fromFirst = drawing.edges.find((edge) => edge.source === own1.id);
    expect(fromFirst).toMatchObject({
      integrations: 2,
      pattern: 'mixed',
      informationTypes: ['Typ 1', 'Typ 2'],
    });
    // The integration inside the group is not drawn as a loop; the totals still count it.
    expect(drawing.edges).toHaveLength(2);
    expect(drawing.integrations).toBe(4);
    expect(drawing.systems).toBe(5);
  });

  it("gathers the department's own systems by board when even that is too many", () => {
    expect(chooseGrouping(graph.nodes, 3)).toBe('boards');
    const drawing = groupGraph(graph, chooseGrouping(graph.nodes, 3));
    expect(drawing.nodes.map((node) => [node.id, node.focus, node.systems])).toEqual([
      [`focus:${BOARDS[0]}`, true, 2],
      [`other:${BOARDS[0]}`, false, 2],
      [`other:${BOARDS[1]}`, false, 1],
    ]);
    expect(drawing.nodes.every((node) => node.kind === 'group')).toBe(true);
    expect(drawing.edges.map((edge) => edge.integrations).sort()).toEqual([1, 2]);
  });
});
