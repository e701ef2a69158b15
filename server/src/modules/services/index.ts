import type { KarnaModule } from '../../platform/module.ts';
import * as createServices from './migrations/202611241410-create-services.ts';
import * as submissionNamesItsCase from './migrations/202611241500-submission-names-its-case.ts';
import { registerServicesRoutes } from './services.routes.ts';

export { type DemoServiceDefinition, demoServiceDefinitions } from './demo/index.ts';
export { definitionProblems, publishVersion } from './services.catalog.ts';
export { type ServicesErrorCode, servicesErrors } from './services.errors.ts';
export { registrationAuditEvent, type SubmissionWrite, submissionWriter } from './services.submissions.ts';

/**
 * E-services (B1–B3): versioned definitions, the catalog, forms with prefill, drafts, attachments
 * and submissions. A submission becomes a case through the cases module's index.ts.
 */
export const servicesModule: KarnaModule = {
  name: 'services',
  migrations: {
    '202611241410-create-services': createServices,
    '202611241500-submission-names-its-case': submissionNamesItsCase,
  },
  registerRoutes: registerServicesRoutes,
};
