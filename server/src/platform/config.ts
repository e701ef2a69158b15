import { join } from 'node:path';
import { z } from 'zod';

/**
 * The platform's configuration, read from environment variables once at start. Every value is
 * validated; a bad value stops the start with one clear line per problem (see formatConfigErrors).
 * `.env.example` at the repository root lists every variable.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no']).transform((value) => {
  return value === 'true' || value === '1' || value === 'on' || value === 'yes';
});

const optionalUrl = (protocols: string[]) =>
  z
    .url({ error: 'must be an absolute URL' })
    .refine((value) => protocols.includes(new URL(value).protocol), {
      error: `must use ${protocols.join(' or ')}`,
    })
    .optional();

const positiveInteger = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const minutesBetween = (min: number, max: number) => {
  const error = `must be a whole number of minutes from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KARNA_ENV: z.enum(['development', 'test', 'production']).default('development'),
  KARNA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  KARNA_PUBLIC_URL: optionalUrl(['http:', 'https:']),
  KARNA_TEST_IDP: booleanFlag.optional(),
  KARNA_SEED_DEMO: booleanFlag.optional(),
  KARNA_CITIZEN_OIDC_ISSUER: optionalUrl(['http:', 'https:']),
  KARNA_CITIZEN_OIDC_CLIENT_ID: z.string().min(1).optional(),
  KARNA_CITIZEN_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  KARNA_CITIZEN_OIDC_SCOPE: z
    .string()
    .min(1)
    .default('openid profile https://id.oidc.se/scope/naturalPersonNumber'),
  KARNA_CITIZEN_MIN_ASSURANCE: z.string().min(1).default('http://id.elegnamnden.se/loa/1.0/loa3'),
  KARNA_STAFF_OIDC_ISSUER: optionalUrl(['http:', 'https:']),
  KARNA_STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
  KARNA_STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  KARNA_STAFF_OIDC_SCOPE: z.string().min(1).default('openid profile email'),
  KARNA_SESSION_IDLE_MINUTES: positiveInteger(30),
  KARNA_SESSION_ABSOLUTE_HOURS: positiveInteger(10),
  KARNA_LOGIN_RATE_LIMIT: positiveInteger(20),
  KARNA_TRUST_PROXY: booleanFlag.default(false),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KARNA_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).max(1440).default(5),
  KARNA_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  KARNA_AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  KARNA_AUDIT_SYSLOG_URL: optionalUrl(['udp:', 'tcp:']),
  KARNA_AUDIT_WITNESS_URL: optionalUrl(['https:', 'http:']),
  KARNA_POPULATION_DROP_DIR: z.string().min(1).optional(),
  KARNA_POPULATION_DROP_MINUTES: minutesBetween(1, 1440).default(15),
});

export interface OidcIssuerConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The bundled test identity provider is mounted (never in production). */
  testIdp: boolean;
  /** Seed the demo municipality into an empty database at start. */
  seedDemo: boolean;
  citizenOidc: OidcIssuerConfig;
  staffOidc: OidcIssuerConfig;
  citizenMinAssurance: string;
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean };
  loginRateLimitPerMinute: number;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  logLevel: string;
  /** Signed checkpoints of the audit chain, kept outside the database (docs/audit-anchoring.md). */
  auditCheckpoints: {
    /** 0: only at start, at shutdown and after CLI commands. */
    intervalMinutes: number;
    file: string;
    signingKeyFile: string;
    /** Create the signing key on first use: only when none is configured, outside production. */
    generateSigningKey: boolean;
    syslogUrl: string | undefined;
    witnessUrl: string | undefined;
  };
  /** Population files (docs/population-file-format.md): the import's rules and the drop directory. */
  populationImport: {
    /** Refuse files marked synthetic (`syntetisk="J"`): production takes only real register data. */
    refuseSynthetic: boolean;
    /** A directory picked up on a schedule (docs/operations.md); undefined: no drop directory. */
    dropDir: string | undefined;
    dropIntervalMinutes: number;
  };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Client credentials the bundled test IdP registers for the platform; they protect nothing real. */
const testIdpClient = (realm: 'citizen' | 'staff') => ({
  clientId: `karna-${realm}`,
  clientSecret: `karna-${realm}-test-secret`,
});

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}: ${issue.message} (got ${describe(cleaned, issue.path)})`,
      ),
    );
  }
  const vars = parsed.data;
  const problems: string[] = [];
  const isProduction = vars.KARNA_ENV === 'production';

  const testIdp = vars.KARNA_TEST_IDP ?? !isProduction;
  if (isProduction && testIdp) {
    problems.push('KARNA_TEST_IDP: the test identity provider cannot run when KARNA_ENV=production');
  }
  const seedDemo = vars.KARNA_SEED_DEMO ?? vars.KARNA_ENV === 'development';
  if (isProduction && seedDemo) {
    problems.push('KARNA_SEED_DEMO: demo data cannot be seeded when KARNA_ENV=production');
  }

  const displayHost = vars.HOST === '0.0.0.0' || vars.HOST === '::' ? 'localhost' : vars.HOST;
  const publicUrl = (vars.KARNA_PUBLIC_URL ?? `http://${displayHost}:${vars.PORT}`).replace(/\/+$/, '');
  if (isProduction && !publicUrl.startsWith('https://')) {
    problems.push('KARNA_PUBLIC_URL: must be an https:// URL when KARNA_ENV=production');
  }

  const issuerConfig = (realm: 'citizen' | 'staff'): OidcIssuerConfig => {
    const prefix = realm === 'citizen' ? 'KARNA_CITIZEN_OIDC' : 'KARNA_STAFF_OIDC';
    const issuer = realm === 'citizen' ? vars.KARNA_CITIZEN_OIDC_ISSUER : vars.KARNA_STAFF_OIDC_ISSUER;
    const clientId =
      realm === 'citizen' ? vars.KARNA_CITIZEN_OIDC_CLIENT_ID : vars.KARNA_STAFF_OIDC_CLIENT_ID;
    const secret =
      realm === 'citizen' ? vars.KARNA_CITIZEN_OIDC_CLIENT_SECRET : vars.KARNA_STAFF_OIDC_CLIENT_SECRET;
    const scope = realm === 'citizen' ? vars.KARNA_CITIZEN_OIDC_SCOPE : vars.KARNA_STAFF_OIDC_SCOPE;
    if (issuer) {
      // Tokens and the client secret travel to the issuer: in production only over TLS.
      if (isProduction && !issuer.startsWith('https://')) {
        problems.push(`${prefix}_ISSUER: must be an https:// URL when KARNA_ENV=production`);
      }
      if (!clientId) problems.push(`${prefix}_CLIENT_ID: required when ${prefix}_ISSUER is set`);
      if (!secret) problems.push(`${prefix}_CLIENT_SECRET: required when ${prefix}_ISSUER is set`);
      return { issuer, clientId: clientId ?? '', clientSecret: secret ?? '', scope };
    }
    if (!testIdp) {
      problems.push(`${prefix}_ISSUER: required when the test identity provider is off`);
    }
    return { issuer: `${publicUrl}/test-idp/${realm}`, ...testIdpClient(realm), scope };
  };
  const citizenOidc = issuerConfig('citizen');
  const staffOidc = issuerConfig('staff');

  // A key generated next to the data it vouches for protects little: production names its place.
  if (isProduction && !vars.KARNA_AUDIT_SIGNING_KEY_FILE) {
    problems.push('KARNA_AUDIT_SIGNING_KEY_FILE: required when KARNA_ENV=production');
  }
  if (isProduction && vars.KARNA_AUDIT_WITNESS_URL?.startsWith('http:')) {
    problems.push('KARNA_AUDIT_WITNESS_URL: must be an https:// URL when KARNA_ENV=production');
  }
  if (vars.KARNA_AUDIT_SYSLOG_URL && !new URL(vars.KARNA_AUDIT_SYSLOG_URL).port) {
    problems.push('KARNA_AUDIT_SYSLOG_URL: must name a port, e.g. udp://syslog.internal:514');
  }
  const auditDir = join(vars.KARNA_DATA_DIR, 'audit');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: vars.KARNA_ENV,
    port: vars.PORT,
    host: vars.HOST,
    publicUrl,
    dataDir: vars.KARNA_DATA_DIR,
    databaseUrl: vars.DATABASE_URL,
    testIdp,
    seedDemo,
    citizenOidc,
    staffOidc,
    citizenMinAssurance: vars.KARNA_CITIZEN_MIN_ASSURANCE,
    session: {
      idleMinutes: vars.KARNA_SESSION_IDLE_MINUTES,
      absoluteHours: vars.KARNA_SESSION_ABSOLUTE_HOURS,
      cookieSecure: publicUrl.startsWith('https://'),
    },
    loginRateLimitPerMinute: vars.KARNA_LOGIN_RATE_LIMIT,
    trustProxy: vars.KARNA_TRUST_PROXY,
    smtpUrl: vars.SMTP_URL,
    logLevel: vars.LOG_LEVEL,
    auditCheckpoints: {
      intervalMinutes: vars.KARNA_AUDIT_CHECKPOINT_MINUTES,
      file: vars.KARNA_AUDIT_CHECKPOINT_FILE ?? join(auditDir, 'checkpoints.jsonl'),
      signingKeyFile: vars.KARNA_AUDIT_SIGNING_KEY_FILE ?? join(auditDir, 'signing-key.pem'),
      generateSigningKey: !vars.KARNA_AUDIT_SIGNING_KEY_FILE && !isProduction,
      syslogUrl: vars.KARNA_AUDIT_SYSLOG_URL,
      witnessUrl: vars.KARNA_AUDIT_WITNESS_URL,
    },
    populationImport: {
      refuseSynthetic: isProduction,
      dropDir: vars.KARNA_POPULATION_DROP_DIR,
      dropIntervalMinutes: vars.KARNA_POPULATION_DROP_MINUTES,
    },
  };
}

/** Shows what was given for a bad variable, hiding values that may be secrets. */
function describe(env: Record<string, string | undefined>, path: PropertyKey[]): string {
  const name = String(path[0]);
  const value = env[name];
  if (value === undefined) return 'nothing';
  if (/SECRET|PASSWORD|DATABASE_URL|SMTP_URL|WITNESS_URL/.test(name)) return 'a value (hidden)';
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
