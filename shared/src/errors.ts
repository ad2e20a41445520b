import type { Permission } from './permissions';

/** Stable error codes: the client translates by code, never by message. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'csrf_invalid',
  'forbidden',
  'password_change_required',
  'second_factor_pending',
  'second_factor_enrolment_required',
  'second_factor_required_by_jit',
  'second_factor_still_required',
  'invalid_second_factor',
  'step_up_required',
  'step_up_token_refused',
  'not_found',
  'conflict',
  'setup_already_done',
  'setup_token_invalid',
  'invalid_credentials',
  'too_many_attempts',
  'email_taken',
  'wrong_password',
  'jit_closed',
  'jit_expired',
  'jit_not_draft',
  'jit_already_active',
  'member_exists',
  'member_revoked',
  'party_not_in_jit',
  'lead_party_required',
  'tus_version_unsupported',
  'upload_offset_mismatch',
  'upload_too_large',
  'upload_not_receiving',
  'upload_hash_mismatch',
  'upload_incomplete',
  'upload_already_used',
  'file_type_blocked',
  'range_not_satisfiable',
  'stale_revision',
  'link_exists',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Per-field validation codes in `details`. */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'invalid_type',
  'too_short',
  'too_long',
  'too_many',
  'too_few',
  'invalid_email',
  'invalid_date',
  'invalid_country',
  'invalid_language',
  'invalid_time_zone',
  'invalid_value',
  'end_before_start',
  'not_unique',
  'out_of_range',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  field: string;
  code: FieldErrorCode;
}

/** The one error shape every route answers with. */
export interface ApiError {
  statusCode: number;
  error: ErrorCode;
  message: string;
  details?: FieldError[];
  /** For `forbidden`: the permission the caller lacks. */
  permission?: Permission;
}
