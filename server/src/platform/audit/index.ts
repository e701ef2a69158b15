import * as createAuditLog from './migrations/202611220000-create-audit-log.ts';
import * as addInstallationId from './migrations/202611231700-add-installation-id.ts';
import * as addOnBehalfOf from './migrations/202611240900-add-on-behalf-of.ts';

export {
  type AnchorProblem,
  type AnchorVerification,
  verifyAuditAnchors,
} from './audit.anchor-verification.ts';
export {
  type AuditChainPoint,
  type AuditVerification,
  readAuditChainHead,
  verifyAuditChain,
} from './audit.chain.ts';
export { readCheckpointLines, setAsideCheckpointFile } from './audit.checkpoint-file.ts';
export {
  AuditCheckpointWriter,
  type CheckpointLogger,
  CheckpointRefusedError,
  checkpointAfterCommand,
  loadConfiguredSigner,
  openAuditCheckpointWriter,
} from './audit.checkpoint-writer.ts';
export type { OnBehalfOf } from './audit.hash.ts';
export {
  loadSigningKey,
  publicKeyPem,
  readPublicKeys,
  readSigningPublicKey,
  SigningKeyError,
} from './audit.signing-key.ts';
export {
  type AuditActor,
  type AuditEntry,
  type AuditEntrySummary,
  type AuditEvent,
  type AuditOrigin,
  type AuditOutcome,
  AuditTrail,
  findAuditEntriesAboutSubject,
  NOT_A_REQUEST,
  systemActor,
} from './audit-trail.ts';

/** The audit trail's migrations, keyed as the migrator expects. */
export const auditMigrations = {
  '202611220000-create-audit-log': createAuditLog,
  '202611231700-add-installation-id': addInstallationId,
  '202611240900-add-on-behalf-of': addOnBehalfOf,
};
