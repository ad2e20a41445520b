/** What other folders may use of members/. */
export * from './members.module';
export * from './entities';
