import { z } from 'zod';

export const TaskStatus = z.enum(['open', 'in_progress', 'done']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const Task = z.object({
  id: z.uuid(),
  title: z.string(),
  status: TaskStatus,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  assigneeId: z.uuid().nullable(),
  dueAt: z.iso.datetime().nullable(),
  /** Which module created the task and what it points at, e.g. `cases` + a case id. */
  source: z.object({ module: z.string(), reference: z.string() }),
  createdAt: z.iso.datetime(),
});
export type Task = z.infer<typeof Task>;

export const TaskListResponse = z.object({ items: z.array(Task) });
export type TaskListResponse = z.infer<typeof TaskListResponse>;
