import * as createJobs from './migrations/202611241300-create-jobs.ts';

export {
  enqueueJob,
  enqueueJobsQuery,
  type JobContext,
  type JobHandler,
  JobRunner,
  type JobRunnerOptions,
  type NewJob,
  retryDelaySeconds,
} from './job-queue.ts';

export const jobMigrations = {
  '202611241300-create-jobs': createJobs,
};
