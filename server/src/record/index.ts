/** What other folders may use of record/. */
export * from './record-actor';
export * from './record-events';
export * from './record.module';
export * from './record.service';
export * from './entities';
