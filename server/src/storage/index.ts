/** What other folders may use of storage/. */
export * from './bytes';
export * from './multipart-writer';
export * from './object-digest';
export * from './object-storage';
export * from './storage.module';
export * from './upload-staging';
