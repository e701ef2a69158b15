import { EventEmitter } from 'node:events';
import type { AutoDecisionRule } from '@karna/contracts';
import { Engine } from 'bpmn-engine';
import * as bpmnModdle from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { type DemoSample, demoSamples, type FormData, type ProcessPath } from './demo-samples.ts';
import { type DemoServiceDefinition, demoServiceDefinitions } from './index.ts';

/**
 * Holds every demo e-service's process to what the cases module does with it: BPMN that parses
 * cleanly, with one executable process whose every user task, automated step, gateway condition
 * and status the definition covers; and a run in bpmn-engine, the way cases.process.ts runs it,
 * to the first user task and along each path the samples describe to the end.
 */

// bpmn-moddle ships no types; the cases module declares what it reads, and this test reads more
// (the diagram, conditions, defaults), so it describes its own view of the parsed model.
interface ModdleNode {
  $type: string;
  id?: string;
  [key: string]: unknown;
}
type Moddle = new () => {
  fromXML(xml: string): Promise<{ rootElement: ModdleNode; warnings: Array<{ message: string }> }>;
};
const BpmnModdle = (bpmnModdle as unknown as { default: Moddle }).default;

const automatedSteps = ['completenessCheck', 'autoDecide', 'notifyApplicant', 'closeCase'];
const flowElementTypes = [
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:ExclusiveGateway',
  'bpmn:SequenceFlow',
];

type Schema = Record<string, unknown>;
const propertiesOf = (schema: Schema) => (schema.properties ?? {}) as Record<string, Schema>;

/** An automatic decision as the platform's `autoDecide` step makes it. */
function autoDecide(rules: AutoDecisionRule[], data: FormData): Record<string, unknown> {
  const holds = (rule: AutoDecisionRule) => {
    const value = data[rule.when.field];
    switch (rule.when.op) {
      case 'exists':
        return (
          value !== undefined &&
          value !== null &&
          value !== '' &&
          !(Array.isArray(value) && value.length === 0)
        );
      case 'equals':
        return value === rule.when.value;
      case 'notEquals':
        return value !== rule.when.value;
      case 'in':
        return Array.isArray(rule.when.value) && rule.when.value.includes(value as string);
    }
  };
  const rule = rules.find(holds);
  return rule ? { decided: true, outcome: rule.outcome, [rule.outcome]: true } : { decided: false };
}

interface ActivityApi {
  id: string;
  type: string;
  content: { output?: unknown };
  environment: { output: Record<string, unknown> };
  signal(message?: unknown): void;
}

interface Run {
  /** Elements in the order they started. */
  started: string[];
  /** User tasks in the order they waited. */
  waited: string[];
  outcome: string | null;
  ended: boolean;
}

/**
 * Runs the process along a path, with the platform's steps stubbed as the path says and each user
 * task signalled with its sample data (a decision with its outcome); or stops at the first user
 * task when `stopAtFirstTask`.
 */
async function runProcess(
  definition: DemoServiceDefinition,
  sample: DemoSample,
  path: ProcessPath,
  { stopAtFirstTask = false } = {},
): Promise<Run> {
  const run: Run = { started: [], waited: [], outcome: null, ended: false };
  const { data } = path;
  const step =
    (answer: () => Record<string, unknown>) =>
    (_scope: unknown, callback: (error: unknown, output: unknown) => void) =>
      callback(null, answer());
  const services = {
    completenessCheck: step(() => ({ complete: path.complete ?? true, missing: [] })),
    autoDecide: step(() => {
      const output = autoDecide(definition.process.autoDecision ?? [], data);
      if (output.decided) run.outcome = String(output.outcome);
      return output;
    }),
    notifyApplicant: step(() => ({ notified: true })),
    closeCase: step(() => ({ closed: true })),
  };
  const engine = new Engine({ name: definition.slug, source: definition.process.bpmnXml, services });
  const listener = new EventEmitter();
  const settled = new Promise<void>((resolve, reject) => {
    engine.once('end', () => {
      run.ended = true;
      resolve();
    });
    engine.once('error', reject);
    listener.on('activity.wait', (api: ActivityApi) => {
      if (api.type !== 'bpmn:UserTask') return;
      run.waited.push(api.id);
      if (stopAtFirstTask) return resolve();
      const task = definition.process.userTasks[api.id];
      let output: Record<string, unknown> | undefined;
      if (task?.kind === 'decision') {
        const outcome = path.decisions[api.id];
        if (outcome) {
          run.outcome = outcome;
          output = { outcome, [outcome]: true };
        }
      } else output = sample.tasks[api.id] ?? (task?.form ? undefined : {});
      if (!output) return reject(new Error(`${path.name}: nothing to signal ${api.id} with`));
      setImmediate(() => api.signal(output));
    });
  });
  listener.on('activity.start', (api: ActivityApi) => run.started.push(api.id));
  listener.on('activity.end', (api: ActivityApi) => {
    // A service task's output is its callback's arguments as a list; the platform keeps the
    // step's result itself, which is what `${environment.output.<id>.<key>}` conditions read.
    const output =
      api.type === 'bpmn:ServiceTask' && Array.isArray(api.content.output)
        ? api.content.output[0]
        : api.content.output;
    if (output !== undefined) api.environment.output[api.id] = output;
  });
  await engine.execute({ listener });
  await settled;
  if (!run.ended) await engine.stop();
  return run;
}

describe.each(demoServiceDefinitions.map((definition) => [definition.slug, definition] as const))(
  'the process of the demo e-service %s',
  (slug, definition) => {
    const sample = demoSamples[slug] as DemoSample;
    const { caseType, process } = definition;
    const statusCodes = caseType.statusTypes.map((status) => status.code);
    const outcomeCodes = caseType.outcomeTypes.map((outcome) => outcome.code);

    it('has BPMN that parses cleanly, with one executable process the definition fully covers', async () => {
      const { rootElement, warnings } = await new BpmnModdle().fromXML(process.bpmnXml);
      expect(warnings.map((warning) => warning.message)).toEqual([]);
      const processes = (rootElement.rootElements as ModdleNode[]).filter(
        (node) => node.$type === 'bpmn:Process',
      );
      expect(processes).toHaveLength(1);
      const bpmnProcess = processes[0] as ModdleNode;
      expect(bpmnProcess.isExecutable).toBe(true);
      const elements = bpmnProcess.flowElements as ModdleNode[];
      const byType = (type: string) => elements.filter((element) => element.$type === type);
      for (const element of elements) expect(flowElementTypes, element.id).toContain(element.$type);
      expect(byType('bpmn:StartEvent')).toHaveLength(1);

      // User tasks: each has its entry in userTasks, and there is at least one for officers.
      const userTaskIds = byType('bpmn:UserTask').map((element) => element.id);
      expect(userTaskIds.length).toBeGreaterThan(0);
      expect([...userTaskIds].sort()).toEqual(Object.keys(process.userTasks).sort());

      // Service tasks: each names one of the platform's steps, and there is at least one.
      const steps = new Map<string, string>();
      for (const element of byType('bpmn:ServiceTask')) {
        const match = /^\$\{environment\.services\.(\w+)\}$/.exec(String(element.implementation));
        expect(automatedSteps, element.id).toContain(match?.[1]);
        steps.set(element.id ?? '', match?.[1] ?? '');
      }
      expect(steps.size).toBeGreaterThan(0);
      expect([...steps.values()].includes('autoDecide')).toBe((process.autoDecision ?? []).length > 0);

      // Gateways: a default flow, and conditions that read what the platform writes.
      for (const flow of byType('bpmn:SequenceFlow')) {
        const condition = flow.conditionExpression as ModdleNode | undefined;
        if (!condition) continue;
        const source = flow.sourceRef as ModdleNode;
        expect(source.$type, `${flow.id} leaves a gateway`).toBe('bpmn:ExclusiveGateway');
        const match = /^\$\{environment\.output\.(\w+)\.(\w+)\}$/.exec(String(condition.body));
        expect(match, `${flow.id}: ${String(condition.body)}`).not.toBeNull();
        const [, elementId = '', key = ''] = match ?? [];
        expect(possibleOutputKeys(elementId, steps, process.userTasks, outcomeCodes), flow.id).toContain(key);
      }
      for (const gateway of byType('bpmn:ExclusiveGateway')) {
        const outgoing = byType('bpmn:SequenceFlow').filter(
          (flow) => (flow.sourceRef as ModdleNode).id === gateway.id,
        );
        expect(
          (gateway.default as ModdleNode | undefined)?.id,
          `${gateway.id} has a default flow`,
        ).toBeDefined();
        expect(outgoing.map((flow) => flow.id)).toContain((gateway.default as ModdleNode).id);
        for (const flow of outgoing) {
          if (flow.id !== (gateway.default as ModdleNode).id)
            expect(flow.conditionExpression, flow.id).toBeDefined();
        }
      }

      // statusOnEnter names elements of the process and status types of the case type.
      const elementIds = elements.map((element) => element.id);
      for (const [elementId, code] of Object.entries(process.statusOnEnter)) {
        expect(elementIds).toContain(elementId);
        expect(statusCodes).toContain(code);
      }

      // A diagram to draw: every element and flow has its shape or edge.
      const diagrams = rootElement.diagrams as Array<{
        plane: { planeElement: Array<{ bpmnElement: ModdleNode }> };
      }>;
      const drawn = diagrams.flatMap((diagram) =>
        diagram.plane.planeElement.map((shape) => shape.bpmnElement.id),
      );
      expect([...drawn].sort()).toEqual([...elementIds].sort());
    });

    it('runs in bpmn-engine to its first user task, whose status is set on the way', async () => {
      const path = sample.paths.find((candidate) => candidate.expectedTasks.length > 0);
      expect(path).toBeDefined();
      const run = await runProcess(definition, sample, path as ProcessPath, { stopAtFirstTask: true });
      const first = run.waited[0] ?? '';
      expect(first).toBe(path?.expectedTasks[0]);
      expect(run.ended).toBe(false);
      const statuses = run.started.flatMap((id) => process.statusOnEnter[id] ?? []);
      for (const code of statuses) expect(statusCodes).toContain(code);
      expect(statuses.at(-1)).toBe(process.statusOnEnter[first]);
    });

    it.each(sample.paths.map((path) => [path.name, path] as const))(
      'runs to its end: %s',
      async (_name, path) => {
        const run = await runProcess(definition, sample, path);
        expect(run.waited).toEqual(path.expectedTasks);
        expect(run.outcome).toBe(path.expectedOutcome);
        expect(run.ended).toBe(true);
      },
    );

    it('has every outcome on some path the samples run', () => {
      const reached = new Set(sample.paths.map((path) => path.expectedOutcome));
      const notRun = outcomeCodes.filter((code) => !reached.has(code));
      // Outcomes an officer may choose but that lead the same way as another (no gateway tests them).
      const sameWayAsAnother: Record<string, string[]> = {
        bygglov: ['dismissed', 'withdrawn'],
        felanmalan: ['noAction'],
        'allman-handling': ['noDocument'],
      };
      expect(notRun.sort()).toEqual((sameWayAsAnother[slug] ?? []).sort());
    });
  },
);

/** What the platform writes as an element's output, by the keys a condition may test. */
function possibleOutputKeys(
  elementId: string,
  steps: Map<string, string>,
  userTasks: DemoServiceDefinition['process']['userTasks'],
  outcomeCodes: string[],
): string[] {
  const step = steps.get(elementId);
  if (step === 'completenessCheck') return ['complete'];
  if (step === 'autoDecide') return ['decided', ...outcomeCodes];
  const task = userTasks[elementId];
  if (task?.kind === 'decision') return outcomeCodes;
  if (task?.form) {
    return Object.entries(propertiesOf(task.form.schema))
      .filter(([, property]) => property.type === 'boolean')
      .map(([name]) => name);
  }
  return [];
}
