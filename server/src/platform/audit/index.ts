export {
  type AuditActor,
  type AuditEntrySummary,
  type AuditEvent,
  type AuditOrigin,
  type AuditOutcome,
  AuditTrail,
  type AuditVerification,
  findAuditEntriesAboutSubject,
  NOT_A_REQUEST,
  systemActor,
  verifyAuditChain,
} from './audit-trail.ts';
export * as createAuditLog from './migrations/202611220000-create-audit-log.ts';
