/** What other folders may use of links/. */
export * from './links.module';
export * from './entities';
