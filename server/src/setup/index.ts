/** What other folders may use of setup/. */
export * from './setup.module';
export * from './entities';
