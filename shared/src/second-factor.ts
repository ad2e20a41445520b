import type { IsoInstant } from './api';

/**
 * The second factor: what a stolen password does not open. A person signs in with their password,
 * then with a code from an authenticator app (TOTP) or one of their single-use recovery codes.
 */
export const SECOND_FACTOR_KINDS = ['totp'] as const;
export type SecondFactorKind = (typeof SECOND_FACTOR_KINDS)[number];

/** How many recovery codes a person receives at a time; each works once. */
export const RECOVERY_CODE_COUNT = 10;
/** A recovery code as shown: four groups of four letters and digits (80 random bits). */
export const RECOVERY_CODE_PATTERN = /^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/;
/** A code from an authenticator app. */
export const TOTP_CODE_PATTERN = /^\d{6}$/;

/**
 * Where the signed-in session stands: `password` (no second factor enrolled), `awaiting_factor`
 * (password accepted, the code not yet given: only finishing the sign-in or leaving answers),
 * `second_factor` (both).
 */
export const AUTH_LEVELS = ['password', 'awaiting_factor', 'second_factor'] as const;
export type AuthLevel = (typeof AUTH_LEVELS)[number];

/** Part of Me: what the sign-in still needs, and what the person has enrolled. */
export interface SecondFactorState {
  /** At least one confirmed factor. */
  enrolled: boolean;
  /** The password was accepted; the session waits for the code. */
  pending: boolean;
  /** The platform requires a second factor and the person has none: they enrol before anything else. */
  enrolmentRequired: boolean;
  /** One of the person's JITs requires a second factor they do not have: they are asked to enrol, and cannot enter that JIT until they do. */
  enrolmentRequested: boolean;
}

/** An enrolled factor, as its owner sees it: never its secret. */
export interface SecondFactor {
  id: string;
  kind: SecondFactorKind;
  label: string;
  createdAt: IsoInstant;
  lastUsedAt: IsoInstant | null;
}

/** GET /api/auth/factors */
export interface SecondFactorOverview {
  factors: SecondFactor[];
  recoveryCodesLeft: number;
  /** The platform requires a factor of everyone. */
  requiredByPlatform: boolean;
  /** The JITs of the person that require one. */
  requiredByJits: Array<{ id: string; title: string }>;
}

/** POST /api/auth/factors/totp: an enrolment begun; the secret is shown once, until confirmed. */
export interface TotpEnrolment {
  factorId: string;
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  /** The otpauth:// address the QR code carries. */
  uri: string;
  /** The QR code as an SVG data URL. */
  qrCode: string;
}
/** POST /api/auth/factors/totp/:factorId/confirm */
export interface ConfirmTotpRequest {
  code: string;
  label: string;
}
/** The answer of a confirmation: the factor, and recovery codes when they were (re)issued. */
export interface ConfirmedFactor {
  factor: SecondFactor;
  /** Shown once. Empty when the person already had codes. */
  recoveryCodes: string[];
}
/** POST /api/auth/recovery-codes */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

/** POST /api/auth/second-factor: finishing the sign-in. `code` is an app code or a recovery code. */
export interface SecondFactorRequest {
  code: string;
}

/**
 * POST /api/auth/step-up: confirming it is still you before a sensitive action. With a second factor
 * enrolled, `code` (an app code or a recovery code); without one, `password`.
 */
export interface StepUpRequest {
  code?: string;
  password?: string;
}

/** GET and PUT /api/platform/settings */
export interface PlatformSettings {
  secondFactorRequired: boolean;
}
/** PUT /api/jits/:jitId/second-factor */
export interface JitSecondFactorRequest {
  required: boolean;
}
