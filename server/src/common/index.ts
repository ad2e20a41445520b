/** What other folders may use of common/. */
export * from './app-error';
export * from './changes';
export * from './clock';
export * from './cursor';
export * from './error.filter';
export * from './event-bus';
export * from './keyed-lock';
export * from './logger';
export * from './request-context';
export * from './validation';
