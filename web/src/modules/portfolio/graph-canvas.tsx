import { type PortfolioGraph, pathTo } from '@karna/contracts';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';

/** Names of the performance entries the browser journey reads (and a developer can see in DevTools). */
export const GRAPH_MARKS = {
  requested: 'portfolio-graph:requested',
  drawing: 'portfolio-graph:drawing',
  drawn: 'portfolio-graph:drawn',
  /** From asking for the graph to the map on screen. */
  total: 'portfolio-graph',
  /** From having the data to the map on screen (loading cytoscape, layout, first paint). */
  draw: 'portfolio-graph:draw',
} as const;

type State = 'drawing' | 'ready' | 'failed';

/**
 * Cytoscape (≈ 450 kB) is loaded with this file, the integration page's own chunk, not when the
 * graph's answer has come: the browser compiles it while the server answers, which took a few
 * hundred milliseconds off a large department's map (bench/portfolio-list.ts, browser step).
 */
let cytoscapeModule: ReturnType<typeof importCytoscape> | null = null;
const importCytoscape = () => import('cytoscape');
function loadCytoscape() {
  cytoscapeModule ??= importCytoscape();
  // A failed load (a network blip) is tried again next time.
  cytoscapeModule.catch(() => {
    cytoscapeModule = null;
  });
  return cytoscapeModule;
}
loadCytoscape();

/** A system's box: wide enough for its name on two lines, within bounds. */
function boxWidth(name: string): number {
  return Math.min(150, Math.max(80, Math.ceil(name.length / 2) * 7 + 16));
}

// Colours from the house palette: text 4.5:1 on the node's fill, lines 3:1 on white.
const TEXT = '#1c1c1c';
const PRIMARY = '#00467f';
const PRIMARY_TINT = '#e3edf6';
const LINE = '#69717a';

/** A line's width: thicker the more integrations it stands for. */
function lineWidth(edge: PortfolioGraph['edges'][number]): number {
  return Math.min(8, 1.5 + Math.log2(edge.integrations));
}

/**
 * The integrations as a drawing (cytoscape, loaded only here): systems as boxes named by their
 * names, or, on a large map, groups of a board's systems as one box each (the server's `maxBoxes`); the
 * unit's own systems emphasised, one arrow per integration (or per pair of boxes, with the count)
 * styled by its pattern. Clicking a system opens its page; clicking a group shows that board's map.
 * The drawing is one image to assistive technology; the page gives the same facts as a table.
 */
export function GraphCanvas({ graph }: { graph: PortfolioGraph }) {
  const { t } = useI18n();
  const m = t.portfolio.tools.graph;
  const containerRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>('drawing');
  const navigate = useNavigate();
  const patternLabels = t.portfolio.terms.pattern;
  const mixedLabel = m.mixedPatterns;
  const groupLabel = m.groupLabel;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let destroy = () => {};
    setState('drawing');
    performance.mark(GRAPH_MARKS.drawing);
    const label = (node: PortfolioGraph['nodes'][number]) =>
      node.kind === 'group' ? groupLabel(node.name, node.systems) : node.name;
    void loadCytoscape()
      .then(({ default: cytoscape }) => {
        if (cancelled) return;
        const cy = cytoscape({
          container,
          elements: [
            ...graph.nodes.map((node) => ({
              // A box wide enough for most names on two lines.
              data: {
                id: node.id,
                label: label(node),
                focus: node.focus,
                group: node.kind === 'group',
                width: boxWidth(label(node)),
              },
            })),
            ...graph.edges.map((edge) => ({
              data: {
                id: edge.id,
                source: edge.source,
                target: edge.target,
                pattern: edge.pattern,
                width: lineWidth(edge),
                label:
                  edge.integrations > 1
                    ? String(edge.integrations)
                    : edge.pattern === 'mixed'
                      ? mixedLabel
                      : patternLabels[edge.pattern],
              },
            })),
          ],
          style: [
            {
              selector: 'node',
              style: {
                label: 'data(label)',
                shape: 'round-rectangle',
                width: 'data(width)',
                height: 40,
                'background-color': '#ffffff',
                'border-width': 1,
                'border-color': LINE,
                color: TEXT,
                'font-size': 11,
                'text-wrap': 'wrap',
                'text-max-width': 'data(width)',
                'text-valign': 'center',
                'text-halign': 'center',
              },
            },
            { selector: 'node[?group]', style: { 'border-style': 'double', 'border-width': 4, height: 48 } },
            {
              selector: 'node[?focus]',
              style: {
                'background-color': PRIMARY_TINT,
                'border-color': PRIMARY,
                'border-width': 3,
                'font-weight': 'bold',
              },
            },
            {
              selector: 'edge',
              style: {
                width: 'data(width)',
                'curve-style': 'bezier',
                'line-color': LINE,
                'target-arrow-color': LINE,
                'target-arrow-shape': 'triangle',
                label: 'data(label)',
                'font-size': 9,
                color: TEXT,
                'text-background-color': '#ffffff',
                'text-background-opacity': 1,
                'min-zoomed-font-size': 8,
              },
            },
            {
              selector: 'edge[pattern = "file"]',
              style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 4] },
            },
            { selector: 'edge[pattern = "event"]', style: { 'line-style': 'dotted' } },
            { selector: 'edge[pattern = "database"]', style: { width: 4 } },
          ],
          // Tuned for a department's 30–40 systems: close enough to read without zooming.
          layout: {
            name: 'cose',
            animate: false,
            nodeDimensionsIncludeLabels: true,
            idealEdgeLength: () => 60,
            nodeRepulsion: () => 6000,
            componentSpacing: 30,
            gravity: 2,
            numIter: 1500,
            padding: 10,
          },
          minZoom: 0.2,
          maxZoom: 3,
          boxSelectionEnabled: false,
          autoungrabify: true,
        });
        const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
        cy.on('tap', 'node', (event) => {
          const node = nodes.get(event.target.id());
          if (!node) return;
          if (node.kind === 'system') navigate(pathTo('portfolioSystem', { systemId: node.id }));
          else
            navigate(
              `${pathTo('portfolioIntegrations')}?orgUnitId=${encodeURIComponent(node.owningBoardId)}`,
            );
        });
        // Hovering a system shows that it can be clicked.
        cy.on('mouseover', 'node', () => {
          container.style.cursor = 'pointer';
        });
        cy.on('mouseout', 'node', () => {
          container.style.cursor = '';
        });
        destroy = () => cy.destroy();
        // The map is on screen after the next paint.
        requestAnimationFrame(() => {
          if (cancelled) return;
          performance.mark(GRAPH_MARKS.drawn);
          performance.measure(GRAPH_MARKS.draw, GRAPH_MARKS.drawing, GRAPH_MARKS.drawn);
          if (performance.getEntriesByName(GRAPH_MARKS.requested, 'mark').length > 0)
            performance.measure(GRAPH_MARKS.total, GRAPH_MARKS.requested, GRAPH_MARKS.drawn);
          setState('ready');
        });
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [graph, navigate, patternLabels, mixedLabel, groupLabel]);

  return (
    <div className="graph-frame">
      <div
        ref={containerRef}
        className="graph-canvas"
        role="img"
        aria-label={m.canvasLabel(graph.systems, graph.integrations)}
        data-graph-state={state}
      />
      {state === 'drawing' && (
        <p className="graph-drawing muted" aria-hidden="true">
          {m.drawing}
        </p>
      )}
      {state === 'failed' && <p className="alert alert-error">{m.drawFailed}</p>}
    </div>
  );
}
