/** What other folders may use of jits/. */
export * from './jits.module';
export * from './jits.service';
export * from './entities';
