/** What other folders may use of comments/. */
export * from './comments.module';
export * from './entities';
