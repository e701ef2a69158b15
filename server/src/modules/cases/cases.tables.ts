import type { CaseType, LocalizedText, ProcessDefinition, SharedStatus } from '@karna/contracts';
import type { ColumnType, Generated, Kysely } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;

/** What the completeness check looks for in a case of a kind. */
export interface Completeness {
  required: string[];
  attachmentFields: string[];
}

export type ProcessStatus = 'starting' | 'running' | 'completed' | 'failed';
export type CaseChannel = 'web' | 'anonymous' | 'staff';
export type DocumentKind = 'attachment' | 'receipt' | 'decision' | 'internal';

export type CasesTables = {
  case_kinds: {
    id: string;
    service_slug: string;
    service_title: Json<LocalizedText>;
    version: number;
    org_unit_id: string;
    case_type: Json<CaseType>;
    process: Json<ProcessDefinition>;
    promise_working_days: number;
    completeness: Json<Completeness>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  case_number_series: {
    series: string;
    year: number;
    last_number: number;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  cases: {
    id: Generated<string>;
    registration_number: string;
    series: string;
    year: number;
    running_number: number;
    kind_id: string;
    org_unit_id: string;
    channel: CaseChannel;
    status_code: string;
    shared_status: SharedStatus;
    secret: Generated<boolean>;
    secrecy_ground: string | null;
    applicant_user_id: string | null;
    applicant_person_id: string | null;
    concerns_person_id: string | null;
    tracking_token_hash: string | null;
    notify_email: string | null;
    data: Json<Record<string, unknown>>;
    submitted_at: Date;
    due_date: ColumnType<string, string, string>;
    assignee_id: string | null;
    decided_at: Date | null;
    closed_at: Date | null;
    process_status: Generated<ProcessStatus>;
    process_state: ColumnType<unknown, string | null, string | null>;
    active_elements: Generated<string[]>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  case_status_changes: {
    id: Generated<string>;
    case_id: string;
    status_code: string;
    shared_status: SharedStatus;
    at: Generated<Date>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  case_events: {
    id: Generated<string>;
    case_id: string;
    type: string;
    actor_id: string | null;
    actor_name: string | null;
    detail: ColumnType<Record<string, unknown> | null, string | null, never>;
    at: Generated<Date>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  case_documents: {
    id: Generated<string>;
    case_id: string;
    kind: DocumentKind;
    field: string | null;
    file_name: string;
    media_type: string;
    size: number;
    sha256: string;
    content: Uint8Array;
    secret: Generated<boolean>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  case_notes: {
    id: Generated<string>;
    case_id: string;
    author_id: string;
    author_name: string;
    text: string;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  case_user_tasks: {
    id: Generated<string>;
    case_id: string;
    element_id: string;
    kind: 'task' | 'decision';
    status: 'open' | 'done';
    task_id: string;
    output: ColumnType<Record<string, unknown> | null, string | null, string | null>;
    completed_at: Date | null;
    completed_by: string | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  case_decisions: {
    case_id: string;
    outcome: string;
    justification: string;
    appeal_information: string;
    decided_at: Date;
    decided_by_id: string | null;
    decided_by_name: string | null;
    automatic: boolean;
    document_id: string | null;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
};

export function casesDb(db: Kysely<unknown>): Kysely<CasesTables> {
  return db.withTables<CasesTables>();
}
