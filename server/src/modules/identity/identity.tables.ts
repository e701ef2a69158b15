import type { ActingFor } from '@karna/contracts';
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

/** The identity module's tables; other modules reach this data only through index.ts. */
export type IdentityTables = {
  org_units: {
    id: Generated<string>;
    parent_id: string | null;
    kind: string;
    name: string;
    short_name: string | null;
    /** Materialised path of ids from the root, `/<root>/<board>/…/<self>/`: subtree = prefix match. */
    path: string;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  users: {
    id: Generated<string>;
    kind: 'citizen' | 'staff';
    /** Citizens: 12 digits, from the e-legitimation. Never in URLs or logs. */
    personal_number: string | null;
    /** Staff: the directory's stable subject id. */
    directory_subject: string | null;
    given_name: string;
    family_name: string;
    email: string | null;
    last_login_at: Date | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  role_assignments: {
    id: Generated<string>;
    user_id: string;
    role: string;
    org_unit_id: string;
    granted_by: string | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  sessions: {
    id: Generated<string>;
    /** SHA-256 of the cookie value; the value itself is never stored. */
    token_hash: string;
    user_id: string;
    realm: 'citizen' | 'staff';
    csrf_token: string;
    assurance_level: string | null;
    idle_expires_at: Date;
    absolute_expires_at: Date;
    last_seen_at: Date;
    ip: string | null;
    user_agent: string | null;
    /** Whom the citizen acts for in this session (A5), as the registry last confirmed it. */
    acting_for: ColumnType<ActingFor | null, string | null | undefined, string | null>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  login_attempts: {
    /** The OAuth `state`, also kept in the browser's login cookie. */
    state: string;
    realm: 'citizen' | 'staff';
    nonce: string;
    code_verifier: string;
    return_to: string;
    expires_at: Date;
    created_at: CreatedAt;
  };
  api_clients: {
    id: Generated<string>;
    name: string;
    /** The public part of the key, `karna_<key_id>_<secret>`. */
    key_id: string;
    /** SHA-256 of the secret part: the secret is 256 random bits, so a slow hash adds nothing. */
    secret_hash: string;
    role: string;
    org_unit_id: string;
    created_by: string | null;
    last_used_at: Date | null;
    revoked_at: Date | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
};
