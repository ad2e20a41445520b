/** What other folders may use of auth/. */
export * from './api-tokens.service';
export * from './auth.dto';
export * from './auth.module';
export * from './factors/second-factors.service';
export { totpCode } from './factors/totp';
export * from './password.service';
export * from './session.service';
export * from './entities';
