import type { KarnaModule } from '../../platform/module.ts';
import * as createTasks from './migrations/202611220020-create-tasks.ts';
import * as restrictedTasks from './migrations/202611241600-restricted-tasks.ts';
import { registerTasksRoutes } from './tasks.routes.ts';

export { assignTasks, completeTasks, createTask, type NewTask, restrictTasks } from './tasks.service.ts';

/**
 * Human tasks: the staff start page's "Mina uppgifter" (R1). Process steps and case handling put
 * their tasks here through createTask; the list shows each person theirs and their units'.
 */
export const tasksModule: KarnaModule = {
  name: 'tasks',
  migrations: {
    '202611220020-create-tasks': createTasks,
    '202611241600-restricted-tasks': restrictedTasks,
  },
  registerRoutes: registerTasksRoutes,
};
