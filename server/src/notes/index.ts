/** What other folders may use of notes/. */
export * from './notes.module';
export * from './entities';
