/** What other folders may use of database/. */
export * from './columns';
export * from './read-through-index';
export * from './transactions';
