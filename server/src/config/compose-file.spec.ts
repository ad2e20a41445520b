import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from './config.schema';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

const root = join(__dirname, '../../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as ComposeFile;

// No Docker engine runs here, so the file's structure is checked instead of starting it.
describe('docker-compose.yml', () => {
  it('has the database, the object store with its bucket, the server and the client', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['client', 'mariadb', 'minio', 'minio-bucket', 'redis', 'server']);
  });

  it('gives every long-running service a healthcheck', () => {
    for (const name of ['mariadb', 'minio', 'redis', 'server', 'client']) expect(compose.services[name].healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('sets only variables the server configuration knows, with values it accepts', () => {
    const environment = compose.services.server.environment ?? {};
    for (const key of Object.keys(environment)) expect(CONFIG_VARIABLES).toContain(key);
    expect(() => loadConfig(environment)).not.toThrow();
  });

  it('points the server at the compose database and the user MariaDB creates', () => {
    const url = new URL(compose.services.server.environment?.DATABASE_URL ?? '');
    const db = compose.services.mariadb.environment ?? {};
    expect(url.hostname).toBe('mariadb');
    expect(url.username).toBe(db.MARIADB_USER);
    expect(decodeURIComponent(url.password)).toBe(db.MARIADB_PASSWORD);
    expect(url.pathname).toBe(`/${db.MARIADB_DATABASE}`);
  });

  it('stores evidence in the compose MinIO, in the bucket its init job creates, with its credentials', () => {
    const env = compose.services.server.environment ?? {};
    const minio = compose.services.minio.environment ?? {};
    expect(env.STORAGE_DRIVER).toBe('s3');
    expect(new URL(env.S3_ENDPOINT ?? '').hostname).toBe('minio');
    expect(env.S3_ACCESS_KEY).toBe(minio.MINIO_ROOT_USER);
    expect(env.S3_SECRET_KEY).toBe(minio.MINIO_ROOT_PASSWORD);
    const init = (compose.services['minio-bucket'] as ComposeService & { entrypoint?: string[] }).entrypoint?.join(' ') ?? '';
    expect(init).toContain(`local/${env.S3_BUCKET}`);
    expect(init).toContain(`${minio.MINIO_ROOT_USER} ${minio.MINIO_ROOT_PASSWORD}`);
  });

  it('fans live updates out through the compose Redis', () => {
    expect(new URL(compose.services.server.environment?.REDIS_URL ?? '').hostname).toBe('redis');
    expect(compose.services.server.depends_on?.redis.condition).toBe('service_healthy');
  });

  it('keeps ports and volumes consistent', () => {
    const server = compose.services.server;
    expect(server.expose).toContain(server.environment?.PORT);
    const [, containerPort] = (compose.services.client.ports ?? [])[0].split(':');
    expect(containerPort).toBe('80');
    const named = Object.values(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .map((v) => v.split(':')[0]);
    expect(new Set(named)).toEqual(new Set(Object.keys(compose.volumes)));
    expect(server.volumes?.some((v) => v.endsWith(`:${server.environment?.DATA_DIR}`))).toBe(true);
  });

  it('builds from Dockerfiles that exist in infra/', () => {
    for (const name of ['server', 'client']) {
      const build = compose.services[name].build;
      expect(build).toBeDefined();
      expect(() => readFileSync(join(root, build?.context ?? '', build?.dockerfile ?? ''))).not.toThrow();
    }
  });

  it('makes services wait for what they depend on', () => {
    expect(compose.services.server.depends_on?.mariadb.condition).toBe('service_healthy');
    expect(compose.services.client.depends_on?.server.condition).toBe('service_healthy');
  });
});
