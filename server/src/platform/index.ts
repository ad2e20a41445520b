/** What other folders may use of platform/. */
export * from './platform.module';
export * from './platform-settings.service';
export * from './entities';
