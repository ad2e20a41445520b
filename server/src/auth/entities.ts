/** This folder's entities alone: what other folders' queries name, without loading the module (no import cycle). */
export * from './api-token.entity';
export * from './login-throttle.entity';
export * from './session.entity';
export * from './factors/recovery-code.entity';
export * from './factors/second-factor.entity';
