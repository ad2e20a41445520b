/** What other folders may use of access/. */
export * from './access.decorators';
export * from './access.module';
export * from './access.service';
export * from './read-access.service';
