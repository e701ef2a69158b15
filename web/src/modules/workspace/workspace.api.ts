import { TaskListResponse } from '@karna/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../lib/api.ts';

export const myTasksQueryKey = ['tasks', 'mine'] as const;

/** The signed-in staff member's tasks (`GET /api/tasks/mine`, permission `tasks.read`). */
export function useMyTasks() {
  return useQuery({
    queryKey: myTasksQueryKey,
    queryFn: ({ signal }) => apiGet('/api/tasks/mine', TaskListResponse, signal),
  });
}
