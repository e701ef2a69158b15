import { describe, expect, it } from 'vitest';
import { problemsOf, productionEnv } from '../config.test-support.ts';
import { loadConfig } from '../config.ts';

/** Production without a signing key: what the key requirement is tested against. */
const production = Object.fromEntries(
  Object.entries(productionEnv).filter(([name]) => name !== 'KARNA_AUDIT_SIGNING_KEY_FILE'),
);

describe('audit checkpoint configuration', () => {
  it('defaults to every 5 minutes, a file and a generated key in the data directory', () => {
    expect(loadConfig({ KARNA_DATA_DIR: '/srv/karna' }).auditCheckpoints).toEqual({
      intervalMinutes: 5,
      file: '/srv/karna/audit/checkpoints.jsonl',
      signingKeyFile: '/srv/karna/audit/signing-key.pem',
      generateSigningKey: true,
      syslogUrl: undefined,
      witnessUrl: undefined,
    });
  });

  it('never generates a key that was configured, and production must configure one', () => {
    expect(loadConfig({ KARNA_AUDIT_SIGNING_KEY_FILE: '/etc/karna/key.pem' }).auditCheckpoints).toMatchObject(
      {
        signingKeyFile: '/etc/karna/key.pem',
        generateSigningKey: false,
      },
    );
    expect(problemsOf(production)).toEqual([
      'KARNA_AUDIT_SIGNING_KEY_FILE: required when KARNA_ENV=production',
    ]);
    const configured = loadConfig({ ...production, KARNA_AUDIT_SIGNING_KEY_FILE: '/etc/karna/key.pem' });
    expect(configured.auditCheckpoints.generateSigningKey).toBe(false);
  });

  it('takes syslog over udp:// or tcp:// with a port, and the witness over https:// in production', () => {
    const config = loadConfig({
      KARNA_AUDIT_CHECKPOINT_MINUTES: '0',
      KARNA_AUDIT_SYSLOG_URL: 'tcp://syslog.internal:6514',
      KARNA_AUDIT_WITNESS_URL: 'http://127.0.0.1:8080/witness',
    });
    expect(config.auditCheckpoints).toMatchObject({
      intervalMinutes: 0,
      syslogUrl: 'tcp://syslog.internal:6514',
      witnessUrl: 'http://127.0.0.1:8080/witness',
    });
    expect(problemsOf({ KARNA_AUDIT_SYSLOG_URL: 'udp://syslog.internal' })).toEqual([
      'KARNA_AUDIT_SYSLOG_URL: must name a port, e.g. udp://syslog.internal:514',
    ]);
    expect(problemsOf({ KARNA_AUDIT_SYSLOG_URL: 'https://syslog.internal:514' })).toEqual([
      'KARNA_AUDIT_SYSLOG_URL: must use udp: or tcp: (got "https://syslog.internal:514")',
    ]);
    expect(problemsOf({ KARNA_AUDIT_CHECKPOINT_MINUTES: '-1' })).toHaveLength(1);
    expect(
      problemsOf({
        ...production,
        KARNA_AUDIT_SIGNING_KEY_FILE: '/etc/karna/key.pem',
        KARNA_AUDIT_WITNESS_URL: 'http://witness.example/checkpoints?token=secret',
      }),
    ).toEqual(['KARNA_AUDIT_WITNESS_URL: must be an https:// URL when KARNA_ENV=production']);
  });
});
