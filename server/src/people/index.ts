/**
 * Accounts as the rest of the workspace shows them: display names and the shapes of the API. Plain
 * functions over the users table, below every module (auth, the record and every feature use them,
 * and users/ administers the accounts), so importing them loads no module and closes no cycle.
 */
export * from './display-names';
export * from './presenters';
