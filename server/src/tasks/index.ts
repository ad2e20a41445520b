/** What other folders may use of tasks/. */
export * from './tasks.module';
export * from './entities';
