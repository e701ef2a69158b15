import type { ServiceDefinition } from '@karna/contracts';
import type { ColumnType, Generated, Kysely } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type ServicesTables = {
  service_definitions: { id: Generated<string>; slug: string; created_at: CreatedAt; updated_at: UpdatedAt };
  service_versions: {
    id: Generated<string>;
    service_id: string;
    version: number;
    status: 'draft' | 'published' | 'retired';
    definition: ColumnType<ServiceDefinition, string, string>;
    published_at: Date | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  service_drafts: {
    id: Generated<string>;
    version_id: string;
    owner_user_id: string | null;
    token_hash: string | null;
    data: ColumnType<Record<string, unknown>, string, string>;
    step: string | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  service_attachments: {
    id: Generated<string>;
    draft_id: string;
    field: string;
    file_name: string;
    media_type: string;
    size: number;
    sha256: string;
    content: Uint8Array;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  service_submissions: {
    submitter: string;
    idempotency_key: string;
    case_id: string;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
};

export function servicesDb(db: Kysely<unknown>): Kysely<ServicesTables> {
  return db.withTables<ServicesTables>();
}
