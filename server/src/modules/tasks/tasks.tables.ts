import type { Permission } from '@karna/contracts';
import type { ColumnType, Generated } from 'kysely';

export type TasksTables = {
  tasks: {
    id: Generated<string>;
    title: string;
    status: 'open' | 'in_progress' | 'done';
    org_unit_id: string;
    assignee_id: string | null;
    due_at: Date | null;
    source_module: string;
    source_reference: string;
    completed_at: Date | null;
    /** Listed only to those who hold this permission in the task's unit (null: anyone who may read tasks there). */
    restricted_to: Permission | null;
    created_at: ColumnType<Date, Date | undefined, never>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
};
