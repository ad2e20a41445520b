/** What other folders may use of notifications/. */
export * from './notification-events';
export * from './notifications.module';
export * from './entities';
