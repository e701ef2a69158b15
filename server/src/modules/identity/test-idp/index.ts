/**
 * The bundled test identity provider: stands in for the e-legitimation broker (citizens) and the
 * staff directory in development, demos and tests. Never mount it in production.
 */

export { LOA3, OIDC_SE_PERSONAL_NUMBER } from './test-idp.directory.ts';
export { registerTestIdentityProvider, type TestIdpOptions } from './test-idp.plugin.ts';
export {
  NATURAL_PERSON_INFO_SCOPE,
  NATURAL_PERSON_NUMBER_SCOPE,
  type TestIdpClient,
  testIdpIssuer,
} from './test-idp.provider.ts';
