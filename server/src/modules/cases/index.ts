import type { KarnaModule } from '../../platform/module.ts';

/**
 * Cases (C1–C5, B5, B7): registration in the diarium series, the BPMN process, officers' inbox and
 * case view, decisions, and the applicant's view on Mina sidor.
 */
export const casesModule: KarnaModule = {
  name: 'cases',
  migrations: {},
};
