import { type CasesErrorCode, casesErrors } from './modules/cases/index.ts';
import { type IdentityErrorCode, identityErrors } from './modules/identity/index.ts';
import {
  type ItServicesErrorCode,
  itServicesErrors,
  type LicenceErrorCode,
  licenceErrors,
} from './modules/it-services/index.ts';
import { type PortfolioErrorCode, portfolioErrors } from './modules/portfolio/index.ts';
import { type RegistryErrorCode, registryErrors } from './modules/registry/index.ts';
import { type ServicesErrorCode, servicesErrors } from './modules/services/index.ts';
import { type ErrorCatalog, type PlatformErrorCode, platformErrors } from './platform/http/errors.ts';

/** Every error code the server can answer with. A module's new codes must be added here. */
export type ErrorCode =
  | PlatformErrorCode
  | IdentityErrorCode
  | RegistryErrorCode
  | CasesErrorCode
  | ServicesErrorCode
  | PortfolioErrorCode
  | ItServicesErrorCode
  | LicenceErrorCode;

/** The one map from error code to HTTP status and title; the type makes it exhaustive. */
export const errorCatalog: ErrorCatalog<ErrorCode> = {
  ...platformErrors,
  ...identityErrors,
  ...registryErrors,
  ...casesErrors,
  ...servicesErrors,
  ...portfolioErrors,
  ...itServicesErrors,
  ...licenceErrors,
};
