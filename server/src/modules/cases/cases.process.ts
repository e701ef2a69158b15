import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import BpmnModdle from 'bpmn-moddle';
import type { SerializableContext } from 'moddle-context-serializer';

/**
 * Runs a case's BPMN process with bpmn-engine, one step at a time: the engine is recovered from the
 * state the case row keeps, moved on (started, or a user task signalled), and runs until it waits
 * for people again or ends. Everything it does to the case — a status, a waiting user task, an
 * automated step — goes through `ProcessEffects`, which the caller runs in its own transaction, so
 * a step of the process commits or rolls back with the command that caused it.
 */

/** The platform's automated steps a service task may name (`${environment.services.<step>}`). */
export const automatedSteps = ['completenessCheck', 'autoDecide', 'notifyApplicant', 'closeCase'] as const;
export type AutomatedStep = (typeof automatedSteps)[number];

export interface ProcessEffects {
  /** An element (task, event, gateway) began; the case may take the status mapped to it. */
  entered(elementId: string): Promise<void>;
  /** A user task waits for an officer. */
  userTaskWaiting(elementId: string): Promise<void>;
  /** A service task runs one of the platform's steps; its result becomes the element's output. */
  runStep(step: AutomatedStep, elementId: string): Promise<Record<string, unknown>>;
}

export type ProcessMove =
  | { kind: 'start' }
  | { kind: 'signal'; elementId: string; output: Record<string, unknown> };

export interface ProcessOutcome {
  /** The engine's state to keep (without the process source, which the case kind holds); null once ended. */
  state: unknown;
  ended: boolean;
  /** The user tasks now waiting, by BPMN id. */
  waiting: string[];
}

/** Parsed processes by the SHA-256 of their XML: parsing costs far more than running. */
const sourceContexts = new Map<string, Promise<SerializableContext>>();

/**
 * The engine and its element types, loaded when a process first runs: about 20 MiB that a server
 * with no process to run (most of the time, at start) does not hold.
 */
let engineModules:
  | Promise<{
      Engine: typeof import('bpmn-engine').Engine;
      serialize: (moddle: unknown) => SerializableContext;
    }>
  | undefined;

function loadEngine() {
  engineModules ??= Promise.all([
    import('bpmn-engine'),
    import('bpmn-elements'),
    import('moddle-context-serializer'),
  ]).then(([{ Engine }, Elements, { default: serializer, TypeResolver }]) => {
    const typeResolver = TypeResolver({ ...Elements });
    return { Engine, serialize: (moddle: unknown) => serializer(moddle as never, typeResolver) };
  });
  return engineModules;
}

function sourceContextOf(bpmnXml: string): Promise<SerializableContext> {
  const key = createHash('sha256').update(bpmnXml).digest('hex');
  const known = sourceContexts.get(key);
  if (known) return known;
  const parsed = Promise.all([new BpmnModdle().fromXML(bpmnXml), loadEngine()]).then(
    ([moddle, { serialize }]) => serialize(moddle),
  );
  sourceContexts.set(key, parsed);
  parsed.catch(() => sourceContexts.delete(key));
  return parsed;
}

/** The BPMN ids of a process's elements that are user tasks and service tasks (for checks on publish). */
export async function processElements(bpmnXml: string): Promise<{
  userTasks: string[];
  serviceTasks: Array<{ id: string; implementation: string | undefined }>;
  all: string[];
}> {
  const { elementsById } = await new BpmnModdle().fromXML(bpmnXml);
  const elements = Object.values(elementsById);
  return {
    userTasks: elements.filter((element) => element.$type === 'bpmn:UserTask').map((element) => element.id),
    serviceTasks: elements
      .filter((element) => element.$type === 'bpmn:ServiceTask')
      .map((element) => ({ id: element.id, implementation: element.implementation })),
    all: elements.map((element) => element.id),
  };
}

interface ActivityApi {
  id: string;
  type: string;
  content: { output?: unknown };
  environment: { output: Record<string, unknown> };
}

/**
 * Moves the process one step and runs it until it waits or ends. Effects run in order, one at a
 * time, in the order the engine reports them; the first failure stops the engine and is thrown.
 */
export async function moveProcess(
  name: string,
  bpmnXml: string,
  savedState: unknown,
  move: ProcessMove,
  effects: ProcessEffects,
): Promise<ProcessOutcome> {
  const sourceContext = await sourceContextOf(bpmnXml);
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  const enqueue = (effect: () => Promise<void>) => {
    chain = chain.then(effect).catch((error: unknown) => {
      failure ??= error;
    });
  };
  const services = Object.fromEntries(
    automatedSteps.map((step) => [
      step,
      (scope: { content: { id: string } }, callback: (error: unknown, output?: unknown) => void) => {
        enqueue(async () => {
          const output = await effects.runStep(step, scope.content.id);
          callback(null, output);
        });
      },
    ]),
  );
  const { Engine } = await loadEngine();
  const engine = new Engine({ name, sourceContext, services });
  if (savedState) engine.recover(structuredClone(savedState));

  const listener = new EventEmitter();
  // A recovered engine reports its waiting task again on resume: only what follows the move counts.
  let armed = move.kind === 'start';
  const waiting = new Set<string>();
  let resolveSettled: (how: 'end' | 'wait') => void = () => {};
  const settled = new Promise<'end' | 'wait'>((resolve, reject) => {
    resolveSettled = resolve;
    engine.once('end', () => resolve('end'));
    engine.once('error', reject);
  });
  listener.on('activity.start', (api: ActivityApi) => {
    if (armed) enqueue(() => effects.entered(api.id));
  });
  listener.on('activity.wait', (api: ActivityApi) => {
    if (!armed || api.type !== 'bpmn:UserTask') return;
    waiting.add(api.id);
    enqueue(() => effects.userTaskWaiting(api.id));
    setImmediate(() => resolveSettled('wait'));
  });
  // Each element's output is kept where gateway conditions read it: environment.output.<id>.
  // A service task's output is the list of its callback's results: the step's output is the first.
  listener.on('activity.end', (api: ActivityApi) => {
    const output =
      api.type === 'bpmn:ServiceTask' && Array.isArray(api.content.output)
        ? api.content.output[0]
        : api.content.output;
    if (output !== undefined) api.environment.output[api.id] = output;
  });

  const execution =
    move.kind === 'start' ? await engine.execute({ listener }) : await engine.resume({ listener });
  if (move.kind === 'signal') {
    const task = execution.getPostponed().find((activity: { id: string }) => activity.id === move.elementId);
    if (!task) throw new Error(`process ${name} is not waiting at ${move.elementId}`);
    armed = true;
    task.signal(move.output);
  }
  const how = await settled;
  // Wait for the effects the run queued, including service tasks still finishing.
  let drained: Promise<void>;
  do {
    drained = chain;
    await drained;
  } while (drained !== chain);
  if (failure) {
    await engine.stop();
    throw failure;
  }
  const ended = how === 'end' || engine.state === 'idle';
  const state = ended ? null : withoutSource(await engine.getState());
  if (!ended) await engine.stop();
  const stillWaiting = ended
    ? []
    : execution
        .getPostponed()
        .filter((activity: { type: string }) => activity.type === 'bpmn:UserTask')
        .map((activity: { id: string }) => activity.id);
  for (const id of stillWaiting) waiting.add(id);
  return { state, ended, waiting: [...waiting].filter((id) => stillWaiting.includes(id)) };
}

/** The state without the serialised process (kept once per case kind, not once per case). */
function withoutSource(state: { definitions?: Array<Record<string, unknown>> }): unknown {
  for (const definition of state.definitions ?? []) delete definition.source;
  return state;
}
