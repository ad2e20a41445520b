/** What other folders may use of health/. */
export * from './health.module';
