import { Transform, plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Every setting the server reads from its environment. A wrong value stops the server at boot with
 * a message naming the variable; the README's configuration table lists the same names.
 */
export class EnvironmentVariables {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT: number = 3000;

  @IsOptional() @IsString()
  HOST: string = '0.0.0.0';

  /** Where the SQLite file (and, later, local evidence storage) live. */
  @IsOptional() @IsString()
  DATA_DIR: string = './data';

  /** Unset: embedded SQLite in DATA_DIR. Set: mysql://user:pass@host:port/db (MySQL 8 or MariaDB 10.6+). */
  @IsOptional() @Matches(/^mysql:\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?$/, { message: 'must look like mysql://user:pass@host:3306/database' })
  DATABASE_URL?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** A session ends after this many minutes without a request. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 60)
  SESSION_IDLE_MINUTES: number = 30;

  /** A session ends this many hours after login, active or not. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 30)
  SESSION_ABSOLUTE_HOURS: number = 12;

  /** Send cookies only over HTTPS. Set true whenever the workspace is served over TLS. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  COOKIE_SECURE: boolean = false;

  /** Trust X-Forwarded-For from a reverse proxy (the audit records the client's address). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  TRUST_PROXY: boolean = false;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(4 * 1024 * 1024)
  ARGON2_MEMORY_KIB: number = 19456;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(20)
  ARGON2_TIME_COST: number = 2;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(16)
  ARGON2_PARALLELISM: number = 1;

  /** Failed logins allowed per account within the window before further attempts are refused. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number = 5;

  /** Failed logins allowed per client address within the window. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  LOGIN_MAX_FAILURES_PER_IP: number = 50;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 60)
  LOGIN_THROTTLE_WINDOW_MINUTES: number = 15;

  /** The built client to serve at /. Unset: client/dist of this repository. */
  @IsOptional() @IsString()
  CLIENT_DIST_DIR?: string;
}

export type AppConfig = Readonly<EnvironmentVariables>;

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const raw: Record<string, string> = {};
  for (const key of new Set([...known, 'DATABASE_URL', 'CLIENT_DIST_DIR'])) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(raw[e.property] ?? '')}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration, the server cannot start:\n${lines.join('\n')}`);
  }
  return Object.freeze(config);
}

/** Names of every variable the configuration knows (the compose-file test checks against it). */
export const CONFIG_VARIABLES: readonly string[] = [...new Set([...Object.keys(new EnvironmentVariables()), 'DATABASE_URL', 'CLIENT_DIST_DIR'])];

export const CONFIG = Symbol('AppConfig');
