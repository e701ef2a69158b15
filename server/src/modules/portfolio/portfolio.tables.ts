import type { ColumnType, Generated, Kysely } from 'kysely';

type Timestamps = { created_at: Generated<Date>; updated_at: Generated<Date> };
/** A `date` column, read and written as `YYYY-MM-DD`. */
type DateColumn = string;

type Levels = {
  confidentiality_label: string;
  confidentiality_rank: number;
  integrity_label: string;
  integrity_rank: number;
  availability_label: string;
  availability_rank: number;
  traceability_label: string;
  traceability_rank: number;
};

/** The portfolio module's own tables. Nothing else reads or writes them. */
export type PortfolioTables = {
  portfolio_tiers: Timestamps & {
    code: string;
    rank: number;
    support_hours: string;
    availability_percent: number;
    rto_hours: number;
    rpo_hours: number;
    response_hours: number;
    fix_hours: number;
    review_interval_months: number;
    price_weight: number;
  };
  portfolio_management_objects: Timestamps & {
    id: Generated<string>;
    name: string;
    description: string | null;
  };
  portfolio_management_plans: Timestamps & {
    object_id: string;
    year: number;
    maintenance_budget: number;
    development_budget: number;
    goals: string;
    decision_reference: string | null;
  };
  portfolio_systems: Timestamps & {
    id: Generated<string>;
    name: string;
    name_sort: string;
    description: string;
    purpose: string;
    category: string;
    support_kind: string;
    support_kind_since: Generated<DateColumn>;
    lifecycle: string;
    lifecycle_from: DateColumn;
    owning_board_id: string;
    user_count: number | null;
    supplier: string | null;
    supplier_sort: string | null;
    contract_reference: string | null;
    hosting: string;
    technical_platform: string | null;
    documentation_url: string | null;
    login_url: string | null;
    single_sign_on: boolean;
    central_access_administration: boolean;
    business_impact: number | null;
    reach: number | null;
    transaction_volume: number | null;
    assessed_tier: string | null;
    tier_override: string | null;
    tier_override_justification: string | null;
    tier: string | null;
    functional_fit: number | null;
    technical_fit: number | null;
    time_verdict: string | null;
    management_object_id: string | null;
    /** Kept by the database: the lower-cased name, supplier and description the search reads. */
    search_text: ColumnType<string, never, never>;
  };
  portfolio_system_lifecycle: {
    id: Generated<string>;
    system_id: string;
    stage: string;
    from_date: DateColumn;
    recorded_by: string | null;
    created_at: Generated<Date>;
  };
  portfolio_system_usage: { system_id: string; org_unit_id: string };
  portfolio_role_assignments: Timestamps & {
    id: Generated<string>;
    subject_type: string;
    subject_id: string;
    role: string;
    person_id: string;
    org_unit_id: string | null;
    work_share_percent: number | null;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    accepted_at: Date | null;
    assigned_by: string | null;
  };
  portfolio_system_information: {
    system_id: string;
    information_type_id: string;
    can_create: boolean;
    can_read: boolean;
    can_update: boolean;
    can_delete: boolean;
  };
  portfolio_classifications: Levels & {
    id: Generated<string>;
    information_type_id: string;
    model: string;
    model_version: string;
    answers: unknown;
    legal_bases: unknown;
    comment: string | null;
    classified_by: string | null;
    classified_by_name: string;
    classified_on: DateColumn;
    next_review_on: DateColumn;
    created_at: Generated<Date>;
  };
  portfolio_integrations: Timestamps & {
    id: Generated<string>;
    source_system_id: string;
    target_system_id: string;
    pattern: string;
    protocol: string | null;
    format: string | null;
    frequency: string;
    platform: string | null;
    owner_org_unit_id: string | null;
    description: string | null;
  };
  portfolio_integration_information: { integration_id: string; information_type_id: string };
  portfolio_master_data_designations: Timestamps & {
    id: Generated<string>;
    information_type_id: string;
    system_id: string;
    scope_org_unit_id: string | null;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    decision_reference: string | null;
    decided_by: string | null;
  };
  portfolio_rating_rounds: Timestamps & {
    id: Generated<string>;
    name: string;
    opens_on: DateColumn;
    closes_on: DateColumn;
  };
  portfolio_ratings: Timestamps & {
    round_id: string;
    system_id: string;
    user_id: string;
    score: number;
    comment: string | null;
  };
  portfolio_components: Timestamps & {
    id: Generated<string>;
    name: string;
    name_sort: string;
    kind: string;
    status: string;
    description: string | null;
    replaced_by_id: string | null;
  };
  portfolio_system_components: { system_id: string; component_id: string };
  portfolio_imports: {
    id: Generated<string>;
    file_name: string;
    uploaded_by: string | null;
    columns: unknown;
    rows: unknown;
    created_at: Generated<Date>;
  };
};

export type PortfolioDb = Kysely<PortfolioTables>;

export function portfolioDb(db: Kysely<unknown>): PortfolioDb {
  return db.withTables<PortfolioTables>();
}
