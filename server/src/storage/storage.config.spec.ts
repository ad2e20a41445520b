import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../config';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';
import { createObjectStorage } from './storage.module';

const s3 = { STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY: 'jit-minio', S3_SECRET_KEY: 'change-me-minio' };

describe('storage configuration', () => {
  it('defaults to local disk under DATA_DIR/objects, with the S3 defaults in place', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ STORAGE_DRIVER: 'local', S3_REGION: 'us-east-1', S3_BUCKET: 'jit-evidence' });
    expect(config.S3_ENDPOINT).toBeUndefined();
    expect(createObjectStorage(config)).toBeInstanceOf(LocalDiskStorage);
  });

  it('accepts a complete S3 setting and builds the S3 adapter from it', () => {
    const config = loadConfig({ ...s3, S3_BUCKET: 'evidence.prod-1', S3_REGION: 'eu-west-3' });
    expect(config).toMatchObject({ ...s3, S3_BUCKET: 'evidence.prod-1', S3_REGION: 'eu-west-3' });
    const storage = createObjectStorage(config);
    expect(storage).toBeInstanceOf(S3Storage);
    expect(storage.minPartSize).toBe(5 * 1024 * 1024);
  });

  it('knows every storage variable, including those without a default', () => {
    for (const name of ['STORAGE_DRIVER', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET']) expect(CONFIG_VARIABLES).toContain(name);
  });

  it.each(['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'])('refuses the s3 driver without %s, naming it', (name) => {
    const env: Record<string, string> = { ...s3 };
    delete env[name];
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}=`));
  });

  it('ignores the S3 variables with the local driver', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'not a url' })).not.toThrow();
  });

  it.each([
    ['STORAGE_DRIVER', 'ftp'],
    ['S3_ENDPOINT', 'minio:9000'],
    ['S3_ENDPOINT', 'ftp://minio:9000'],
    ['S3_ENDPOINT', 'http://minio:9000/some/path'],
    ['S3_BUCKET', 'Evidence'],
    ['S3_BUCKET', 'ab'],
    ['S3_BUCKET', 'my_bucket'],
    ['S3_BUCKET', 'a..b'],
    ['S3_BUCKET', '-evidence'],
    ['S3_BUCKET', '192.168.1.10'],
    ['S3_BUCKET', 'x'.repeat(64)],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    const env = { ...s3, [name]: value };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}=`));
  });

  it('never repeats the secret key in an error', () => {
    let message = '';
    try {
      loadConfig({ ...s3, S3_BUCKET: 'NO' });
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toMatch(/S3_BUCKET=/);
    expect(message).not.toContain(s3.S3_SECRET_KEY);
  });
});
