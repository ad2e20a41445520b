import { Transform, plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, ValidateIf, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const usesS3 = (config: EnvironmentVariables) => config.STORAGE_DRIVER === 's3';

/** S3's bucket naming rules: 3-63 lowercase letters, digits, dots and hyphens, no `..`/`.-`/`-.`, not an IP address. */
const S3_BUCKET_NAME = /^(?!\d{1,3}(\.\d{1,3}){3}$)(?!.*(\.\.|\.-|-\.))[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Every setting the server reads from its environment. A wrong value stops the server at boot with
 * a message naming the variable; the README's configuration table lists the same names.
 */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @IsString()
  HOST: string = '0.0.0.0';

  /** Where the SQLite file and, with the local storage driver, the evidence objects (`objects/`) live. */
  @IsOptional()
  @IsString()
  DATA_DIR: string = './data';

  /** Unset: embedded SQLite in DATA_DIR. Set: mysql://user:pass@host:port/db (MySQL 8 or MariaDB 10.6+). */
  @IsOptional()
  @Matches(/^mysql:\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?$/, { message: 'must look like mysql://user:pass@host:3306/database' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** A session ends after this many minutes without a request. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES: number = 30;

  /** A session ends this many hours after login, active or not. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_ABSOLUTE_HOURS: number = 12;

  /** Send cookies only over HTTPS. Set true whenever the workspace is served over TLS. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  COOKIE_SECURE: boolean = false;

  /** Trust X-Forwarded-For from a reverse proxy (the audit records the client's address). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY: boolean = false;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(4 * 1024 * 1024)
  ARGON2_MEMORY_KIB: number = 19456;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  ARGON2_TIME_COST: number = 2;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  ARGON2_PARALLELISM: number = 1;

  /**
   * Failed sign-ins (password or second factor) allowed for one account from one address before
   * delays begin. Counted per address, so a stranger who knows an e-mail address cannot lock its
   * owner out from elsewhere; the second factor stands against guessing from many addresses.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number = 5;

  /** Failed sign-ins allowed per client address, across accounts, before delays begin. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_FAILURES_PER_IP: number = 50;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_THROTTLE_WINDOW_MINUTES: number = 15;

  /** The first delay once the free failures are spent; it doubles with each further failure, up to the window. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_THROTTLE_DELAY_SECONDS: number = 30;

  /** A sensitive action asks for the second factor (or the password) again when the last proof is older than this. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  STEP_UP_MINUTES: number = 15;

  /** The built client to serve at /. Unset: client/dist of this repository. */
  @IsOptional()
  @IsString()
  CLIENT_DIST_DIR?: string;

  /** Where evidence bytes live: `local` (DATA_DIR/objects) or `s3` (MinIO or any S3-compatible store). */
  @IsOptional()
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** The S3 server's base URL; only the scheme, host and port are used (path-style requests). */
  @ValidateIf(usesS3)
  @IsString()
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/, { message: 'is required with STORAGE_DRIVER=s3 and must look like http://minio:9000' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_REGION: string = 'us-east-1';

  @ValidateIf(usesS3)
  @IsString({ message: 'is required with STORAGE_DRIVER=s3' })
  @IsNotEmpty()
  S3_ACCESS_KEY?: string;

  /** Never echoed: a ConfigError shows it masked. */
  @ValidateIf(usesS3)
  @IsString({ message: 'is required with STORAGE_DRIVER=s3' })
  @IsNotEmpty()
  S3_SECRET_KEY?: string;

  @IsOptional()
  @Matches(S3_BUCKET_NAME, { message: 'must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens' })
  S3_BUCKET: string = 'jit-evidence';

  /** Largest file a JIT accepts unless the JIT sets its own limit (default 256 GiB). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  UPLOAD_MAX_BYTES: number = 256 * 1024 ** 3;

  /** An upload left unfinished this many hours after it started is swept away. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  UPLOAD_EXPIRY_HOURS: number = 72;

  /** Read every completed upload back from storage to hash it, instead of hashing the bytes as they pass (slower, for stores you distrust). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  UPLOAD_HASH_READBACK: boolean = false;

  /** Unset: live updates fan out inside one process. Set (redis://host:6379): through Redis, to every server process. */
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must look like redis://host:6379' })
  REDIS_URL?: string;

  /**
   * The prefix of the Redis channels socket.io uses. Installations sharing one Redis must each have
   * their own, or every process waits for the others' answers to cross-process requests.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_.-]{1,64}$/, { message: 'must be 1 to 64 letters, digits or : _ . -' })
  REDIS_KEY_PREFIX: string = 'jit-workspace';

  /** Every stored version is re-verified once per this many hours; 0 turns the fixity cycle off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 365)
  FIXITY_INTERVAL_HOURS: number = 168;
}

/** Variables without a default are not own keys of a fresh EnvironmentVariables, so they are listed here. */
const VARIABLES_WITHOUT_DEFAULT = ['DATABASE_URL', 'CLIENT_DIST_DIR', 'S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'REDIS_URL'];

/** Values an error message must never repeat (they would end up in logs). */
const SECRET_VARIABLES = new Set(['S3_SECRET_KEY']);

export type AppConfig = Readonly<EnvironmentVariables>;

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const raw: Record<string, string> = {};
  for (const key of new Set([...known, ...VARIABLES_WITHOUT_DEFAULT])) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const shown = (name: string) => (SECRET_VARIABLES.has(name) && raw[name] !== undefined ? '"***"' : JSON.stringify(raw[name] ?? ''));
    const lines = errors.map((e) => `  ${e.property}=${shown(e.property)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration, the server cannot start:\n${lines.join('\n')}`);
  }
  return Object.freeze(config);
}

/** Names of every variable the configuration knows (the compose-file test checks against it). */
export const CONFIG_VARIABLES: readonly string[] = [...new Set([...Object.keys(new EnvironmentVariables()), ...VARIABLES_WITHOUT_DEFAULT])];

export const CONFIG = Symbol('AppConfig');
