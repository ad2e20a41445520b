/** What other folders may use of jobs/. */
export * from './job-leases.service';
export * from './jobs.module';
export * from './scheduled-job';
export * from './entities';
