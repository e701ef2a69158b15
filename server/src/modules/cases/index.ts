import type { KarnaModule } from '../../platform/module.ts';
import { setOpenCasesSource } from '../registry/index.ts';
import { registerMyCasesRoutes } from './cases.me.routes.ts';
import { START_PROCESS_JOB, startCaseProcess } from './cases.register.ts';
import { registerCasesRoutes } from './cases.routes.ts';
import { openCasesOf } from './cases.views.ts';
import * as createCases from './migrations/202611241400-create-cases.ts';
import * as inboxSortIndexes from './migrations/202611241420-inbox-sort-indexes.ts';
import * as registrationNumberOrder from './migrations/202611241510-registration-number-order.ts';

export { type CasesErrorCode, casesErrors } from './cases.errors.ts';
export { type CaseKind, ensureCaseKind } from './cases.kinds.ts';
export { automatedSteps, processElements } from './cases.process.ts';
export {
  type NewAttachment,
  type NewCase,
  type RegisteredCase,
  registerCases,
  registrationOf,
  START_PROCESS_JOB,
  startCaseProcess,
} from './cases.register.ts';

/**
 * Cases (C1–C5, B5, B7): registration in the diarium series, the BPMN process, officers' inbox and
 * case view, decisions, and the applicant's view on Mina sidor.
 */
export const casesModule: KarnaModule = {
  name: 'cases',
  migrations: {
    '202611241400-create-cases': createCases,
    '202611241420-inbox-sort-indexes': inboxSortIndexes,
    '202611241510-registration-number-order': registrationNumberOrder,
  },
  async registerRoutes(app, context) {
    // The person overview's "open cases" (registry extension point).
    setOpenCasesSource(openCasesOf);
    await registerCasesRoutes(app, context);
    await registerMyCasesRoutes(app, context);
  },
  jobHandlers: ({ db }) => ({
    [START_PROCESS_JOB]: async (payload) =>
      startCaseProcess(db, String((payload as { caseId: string }).caseId)),
  }),
};
