import { Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { CONFIG, type AppConfig } from '../config';
import { LocalDiskStorage } from './local-disk.storage';
import { OBJECT_STORAGE, type ObjectStorage } from './object-storage';
import { S3Storage } from './s3.storage';

/** The adapter the configuration asks for; S3 settings are present whenever the driver is s3 (checked at boot). */
export function createObjectStorage(config: AppConfig): ObjectStorage {
  if (config.STORAGE_DRIVER === 's3') {
    return new S3Storage({
      endpoint: config.S3_ENDPOINT ?? '',
      region: config.S3_REGION,
      accessKey: config.S3_ACCESS_KEY ?? '',
      secretKey: config.S3_SECRET_KEY ?? '',
      bucket: config.S3_BUCKET,
    });
  }
  return new LocalDiskStorage(join(config.DATA_DIR, 'objects'));
}

/** Provides OBJECT_STORAGE everywhere; the store is ready (bucket or directories created) before the app starts. */
@Global()
@Module({
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [CONFIG],
      useFactory: async (config: AppConfig): Promise<ObjectStorage> => {
        const storage = createObjectStorage(config);
        await storage.init();
        return storage;
      },
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
