import type { Generated, Kysely } from 'kysely';

/** A `date` column, read and written as `YYYY-MM-DD`. */
type DateColumn = string;
type Timestamp = Generated<Date>;

/** The it-services module's own tables. Nothing else reads or writes them. */
export type ItServicesTables = {
  it_services: {
    id: Generated<string>;
    name: string;
    name_sort: string;
    category: string;
    summary: string;
    included: string;
    not_included: string;
    how_to_order: string;
    delivery_working_days: number;
    how_to_report: string;
    service_level: string | null;
    system_id: string | null;
    price_model: string;
    price_ore: number;
    unit: string;
    driver_kind: string | null;
    how_to_cancel: string;
    cancellation_notice_days: number;
    available_from: DateColumn;
    available_to: DateColumn | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  it_orders: {
    id: Generated<string>;
    number: string;
    service_id: string;
    department_id: string;
    quantity: number;
    cost_centre: string;
    start_date: DateColumn;
    end_date: DateColumn | null;
    note: string | null;
    status: string;
    ordered_by_id: string | null;
    ordered_by_name: string;
    ordered_at: Timestamp;
    decided_by_id: string | null;
    decided_by_name: string | null;
    decided_at: Date | null;
    rejection_reason: string | null;
    promised_by: DateColumn | null;
    delivered_on: DateColumn | null;
    approval_task_id: string | null;
    delivery_task_id: string | null;
    updated_at: Timestamp;
  };
  it_cost_pools: {
    id: Generated<string>;
    year: number;
    cost_type: string;
    category: string;
    annual_amount_ore: number;
    models: { model: number; shareBasisPoints: number }[];
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  it_driver_values: {
    period: string;
    department_id: string;
    kind: string;
    quantity: number;
    updated_at: Timestamp;
  };
  it_allocation_runs: {
    id: Generated<string>;
    period: string;
    version: number;
    status: string;
    previous_version_id: string | null;
    pupil_computer_weight: number;
    distributed_ore: number;
    retained_ore: number;
    service_charges_ore: number;
    line_count: number;
    created_by_id: string | null;
    created_by_name: string;
    created_at: Timestamp;
    approved_by_id: string | null;
    approved_by_name: string | null;
    approved_at: Date | null;
  };
  it_allocation_lines: {
    run_id: string;
    line_no: number;
    department_id: string;
    kind: string;
    pool_id: string | null;
    cost_type: string | null;
    category: string | null;
    model: number | null;
    order_id: string | null;
    order_number: string | null;
    service_name: string | null;
    cost_centre: string | null;
    drivers: { kind: string; quantity: number; weight: number }[];
    units: number;
    total_units: number;
    rate_ore: number;
    days: number | null;
    amount_ore: number;
    rounding_ore: number;
  };
  it_allocation_retained: {
    run_id: string;
    pool_id: string;
    cost_type: string;
    category: string;
    amount_ore: number;
  };
};

export type ItServicesTicketTables = {
  it_tickets: {
    id: Generated<string>;
    number: string;
    summary: string;
    description: string;
    service_id: string | null;
    system_id: string | null;
    reporter_id: string | null;
    reporter_name: string;
    impact: string;
    urgency: string;
    priority: number;
    line: number;
    status: string;
    assignee_id: string | null;
    assignee_name: string | null;
    tier: string;
    support_hours: string;
    reported_at: Timestamp;
    response_due_at: Date;
    fix_due_at: Date;
    responded_at: Date | null;
    resolved_at: Date | null;
    resolution: string | null;
    task_id: string | null;
    updated_at: Timestamp;
  };
  it_ticket_events: {
    id: Generated<number>;
    ticket_id: string;
    at: Timestamp;
    by_name: string;
    kind: string;
    text: string | null;
    internal: Generated<boolean>;
  };
};

export type ItServicesSupplierTables = {
  it_suppliers: {
    id: Generated<string>;
    name: string;
    organisation_number: string;
    category: string | null;
    notes: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  it_contracts: {
    id: Generated<string>;
    supplier_id: string;
    title: string;
    reference: string | null;
    starts_on: DateColumn;
    ends_on: DateColumn | null;
    notice_months: number;
    annual_value_ore: number;
    system_id: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  it_supplier_spend: { supplier_id: string; year: number; amount_ore: number; imported_at: Timestamp };
  it_supplier_targets: { baseline_year: number; year: number; reduction_percent: number };
};

export type ItServicesFigureTables = {
  it_cost_figures: {
    year: number;
    unit_id: string;
    turnover_ore: number;
    own_it_cost_ore: number;
    national_average_percent: number | null;
    updated_at: Timestamp;
  };
};

type AllTables = ItServicesTables &
  ItServicesTicketTables &
  ItServicesSupplierTables &
  ItServicesFigureTables;
export type ItServicesDb = Kysely<AllTables>;

export function itServicesDb(db: Kysely<unknown>): ItServicesDb {
  return db.withTables<AllTables>();
}
