import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { BadUserInputError } from '../errors';

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

function collect(errors: ValidationError[], path: string, into: Record<string, string>) {
  for (const error of errors) {
    const at = /^\d+$/.test(error.property) ? `${path}[${error.property}]` : `${path}.${error.property}`;
    if (error.constraints) into[at] = Object.values(error.constraints)[0];
    if (error.children?.length) collect(error.children, at, into);
  }
}

/**
 * Validates every GraphQL argument with class-validator and reports all problems at once as
 * BAD_USER_INPUT with `extensions.fields` keyed by input path (`input.phone`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata) {
    const type = metadata.metatype;
    // Custom parameters (`@Parent()`, `@CurrentPrincipal()`) carry what the API loaded, not input:
    // validating a parent record ran class-transformer and class-validator on every field resolved.
    if (metadata.type === 'custom') return value;
    if (!type || PRIMITIVES.includes(type) || value === null || value === undefined || typeof value !== 'object') {
      return value;
    }
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { whitelist: false, forbidUnknownValues: false });
    if (errors.length) {
      const fields: Record<string, string> = {};
      collect(errors, metadata.data ?? 'input', fields);
      throw new BadUserInputError(fields);
    }
    return instance;
  }
}

/**
 * Refuses an explicit null for fields an update may leave out but not clear (optional in the
 * input because every update field is, required on the record).
 */
export function assertNotCleared(input: object, required: string[], path = 'input'): void {
  const cleared = required.filter((key) => (input as Record<string, unknown>)[key] === null);
  if (cleared.length) throw new BadUserInputError(Object.fromEntries(cleared.map((key) => [`${path}.${key}`, 'cannot be cleared'])));
}
