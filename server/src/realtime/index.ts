/** What other folders may use of realtime/. */
export * from './realtime-io.adapter';
export * from './realtime.module';
