export {
  type AuditActor,
  type AuditEntrySummary,
  type AuditEvent,
  type AuditOrigin,
  type AuditOutcome,
  AuditTrail,
  type AuditVerification,
  findAuditEntriesAboutSubject,
  verifyAuditChain,
} from './audit-trail.ts';
export * as createAuditLog from './migrations/202611220000-create-audit-log.ts';
