import { ValidationError, ValidationPipe } from '@nestjs/common';
import { registerDecorator, ValidateIf, ValidationArguments, ValidationOptions } from 'class-validator';
import { isCountryCode, isDateOnly, isTimeZone, LANGUAGES, WORKING_LANGUAGE_CODES, type FieldError, type FieldErrorCode } from '@jit/shared';
import { invalid } from './app-error';

/** class-validator constraint names → the field codes of the contract. */
const CODE_BY_CONSTRAINT: Record<string, FieldErrorCode> = {
  whitelistValidation: 'unknown_field',
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'invalid_type',
  isInt: 'invalid_type',
  isNumber: 'invalid_type',
  isBoolean: 'invalid_type',
  isArray: 'invalid_type',
  isObject: 'invalid_type',
  nestedValidation: 'invalid_type',
  maxLength: 'too_long',
  minLength: 'too_short',
  arrayMaxSize: 'too_many',
  arrayMinSize: 'too_few',
  arrayUnique: 'not_unique',
  isEmail: 'invalid_email',
  isIn: 'invalid_value',
  isUuid: 'invalid_value',
  isIso8601: 'invalid_date',
  min: 'out_of_range',
  max: 'out_of_range',
  isDateOnly: 'invalid_date',
  isCountry: 'invalid_country',
  isTimeZone: 'invalid_time_zone',
  isLanguage: 'invalid_language',
  isWorkingLanguage: 'invalid_language',
  isNotBefore: 'end_before_start',
};

/** When a field breaks several rules, the most basic one is reported: a missing field is not "too short". */
const CODE_PRIORITY: FieldErrorCode[] = ['unknown_field', 'required', 'invalid_type'];

/** Flattens nested errors into `{ field: 'parties.0.authority', code }`, one per field. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.keys(error.constraints ?? {});
    if (constraints.length > 0) {
      const missing = error.value === undefined || error.value === null || error.value === '';
      const codes = constraints.map((name) => CODE_BY_CONSTRAINT[name] ?? 'invalid_value');
      if (missing) codes.push('required');
      const code = CODE_PRIORITY.find((c) => codes.includes(c)) ?? codes[0];
      result.push({ field, code });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: true },
  exceptionFactory: (errors) => invalid(toFieldErrors(errors)),
});

function simpleDecorator(name: string, test: (value: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (object, propertyName) =>
      registerDecorator({ name, target: object.constructor, propertyName: propertyName as string, options, validator: { validate: test } });
}

export const IsDateOnly = simpleDecorator('isDateOnly', isDateOnly);
export const IsCountry = simpleDecorator('isCountry', isCountryCode);
export const IsTimeZone = simpleDecorator('isTimeZone', isTimeZone);
export const IsLanguage = simpleDecorator('isLanguage', (v) => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v));
export const IsWorkingLanguage = simpleDecorator('isWorkingLanguage', (v) => typeof v === 'string' && WORKING_LANGUAGE_CODES.includes(v));

/** This date (YYYY-MM-DD) must not be before the one in `otherProperty`. */
export function IsNotBefore(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (object, propertyName) =>
    registerDecorator({
      name: 'isNotBefore',
      target: object.constructor,
      propertyName: propertyName as string,
      constraints: [otherProperty],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[otherProperty];
          return !isDateOnly(value) || !isDateOnly(other) || value >= other;
        },
      },
    });
}

/**
 * The field may be left out, but not sent as null: unlike class-validator's IsOptional, null is
 * validated (and refused) so a PATCH cannot blank a required column.
 */
export const IsOmittable = (options?: ValidationOptions): PropertyDecorator => ValidateIf((_, value) => value !== undefined, options);

/** A query-string flag: `true`/`false` become booleans; anything else stays as sent and fails @IsBoolean. */
/** Trims text and lower-cases email addresses, so "Anna@X " and "anna@x" are one account. */
export const normaliseEmail = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export const queryBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
