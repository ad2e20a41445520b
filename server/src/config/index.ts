/** What other folders may use of config/. */
export * from './config.schema';
