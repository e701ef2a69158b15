import type { KarnaModule } from '../../platform/module.ts';

/**
 * E-services (B1–B3): versioned definitions, the catalog, forms with prefill, drafts, attachments
 * and submissions. A submission becomes a case through the cases module's index.ts.
 */
export const servicesModule: KarnaModule = {
  name: 'services',
  migrations: {},
};
