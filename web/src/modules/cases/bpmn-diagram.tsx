import NavigatedViewerModule from 'bpmn-js/lib/NavigatedViewer.js';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

interface BpmnDiagramProps {
  /** BPMN XML with a drawing (see `withLayout`). */
  xml: string;
  currentIds: readonly string[];
  doneIds: readonly string[];
  /** The id of the list of steps that says the same in words. */
  stepsId: string;
}

const ZOOM_STEP = 1.25;

// The parts of bpmn-js used here. bpmn-js is an ES module without `"type": "module"`, so the
// compiler's NodeNext resolution takes its default export for a namespace; the bundler gets it right.
interface Canvas {
  addMarker(elementId: string, marker: string): void;
  zoom(scale?: number | 'fit-viewport'): number;
}
interface ElementRegistry {
  get(elementId: string): unknown;
}
interface Overlays {
  add(elementId: string, overlay: { position: { top?: number; left?: number }; html: HTMLElement }): string;
}
interface Viewer {
  importXML(xml: string): Promise<unknown>;
  get<T>(service: string): T;
  destroy(): void;
}
const NavigatedViewer = NavigatedViewerModule as unknown as new (options: {
  container: HTMLElement;
  width?: string;
  height?: string;
}) => Viewer;

/**
 * The process drawn by bpmn-js (NavigatedViewer: drag and scroll to move, wheel to zoom, arrow keys
 * when focused), with the steps under way and done marked by colour, outline and a label (never
 * colour alone). Loaded on first use: bpmn-js is large. The list of steps beside it is its text
 * alternative.
 */
export function BpmnDiagram({ xml, currentIds, doneIds, stepsId }: BpmnDiagramProps) {
  const { t } = useI18n();
  const m = t.cases.process;
  const containerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<Viewer | null>(null);
  const [failed, setFailed] = useState(false);
  const captionId = useId();
  const currentLabel = m.stepStates.current;
  const doneLabel = m.stepStates.done;
  const svgLabel = m.diagramCaption;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const viewer = new NavigatedViewer({ container, height: '100%', width: '100%' });
    viewerRef.current = viewer;
    let cancelled = false;
    setFailed(false);
    viewer
      .importXML(xml)
      .then(() => {
        if (cancelled) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        const overlays = viewer.get<Overlays>('overlays');
        const mark = (ids: readonly string[], marker: string, label: string) => {
          for (const id of ids) {
            if (!registry.get(id)) continue;
            canvas.addMarker(id, marker);
            const badge = document.createElement('span');
            badge.className = `bpmn-step-label ${marker}-label`;
            badge.textContent = label;
            overlays.add(id, { position: { top: -26, left: 0 }, html: badge });
          }
        };
        mark(doneIds, 'case-step-done', doneLabel);
        mark(currentIds, 'case-step-current', currentLabel);
        canvas.zoom('fit-viewport');
        // The drawing is focusable (arrow keys move it): give it a name and a role.
        const svg = container.querySelector('svg');
        svg?.setAttribute('role', 'img');
        svg?.setAttribute('aria-label', svgLabel);
        svg?.setAttribute('aria-describedby', stepsId);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      viewer.destroy();
      viewerRef.current = null;
    };
  }, [xml, currentIds, doneIds, currentLabel, doneLabel, svgLabel, stepsId]);

  const zoom = (how: 'in' | 'out' | 'fit') => {
    const canvas = viewerRef.current?.get<Canvas>('canvas');
    if (!canvas) return;
    if (how === 'fit') canvas.zoom('fit-viewport');
    else canvas.zoom(canvas.zoom() * (how === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP));
  };

  if (failed) return <p className="notice">{m.diagramFailed}</p>;
  return (
    <figure className="bpmn-figure" aria-labelledby={captionId}>
      <div className="button-row bpmn-zoom">
        <Button size="small" onPress={() => zoom('in')}>
          {m.zoomIn}
        </Button>
        <Button size="small" onPress={() => zoom('out')}>
          {m.zoomOut}
        </Button>
        <Button size="small" onPress={() => zoom('fit')}>
          {m.fit}
        </Button>
      </div>
      <div ref={containerRef} className="bpmn-canvas" />
      <figcaption id={captionId} className="muted">
        {m.diagramCaption}
      </figcaption>
    </figure>
  );
}
