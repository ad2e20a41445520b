/** What other folders may use of users/. */
export * from './users.module';
export * from './users.service';
export * from './entities';
