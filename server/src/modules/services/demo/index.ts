import { allmanHandling } from './allman-handling.ts';
import { bygglov } from './bygglov.ts';
import type { DemoServiceDefinition } from './demo-definition.ts';
import { felanmalan } from './felanmalan.ts';
import { forskoleplats } from './forskoleplats.ts';
import { leverantorsfaktura } from './leverantorsfaktura.ts';
import { parkeringstillstand } from './parkeringstillstand.ts';

export type { DemoServiceDefinition } from './demo-definition.ts';

/**
 * The demo municipality's e-services, each with its form, case type, BPMN process and service
 * promise: five for residents (two of them open without login) and one internal process (C7).
 * The seed loader publishes each as version 1, resolving `responsibleUnitKey` to the unit's id.
 */
export const demoServiceDefinitions: DemoServiceDefinition[] = [
  forskoleplats,
  bygglov,
  parkeringstillstand,
  felanmalan,
  allmanHandling,
  leverantorsfaktura,
];
