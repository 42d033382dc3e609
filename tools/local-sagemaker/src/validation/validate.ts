import type { SageMakerOperation, Violation } from '@mlops/contract';
import { checkRequest, validateRequest, validationMessage } from '@mlops/contract';
import { validationError } from '../server/errors';
import { checkLocalRules, LOCAL_EXTENSIONS } from './local-extensions';
import { checkUnsupported } from './unsupported';

/**
 * A Create request as SageMaker validates it (the model's rules and the documented service rules of
 * @mlops/contract, the same the client applies), then what the local stack needs: its extensions' rules and a
 * refusal, naming the member, of what it cannot honour. Throws one ValidationException listing everything.
 */
export function validateCreate<T>(operation: SageMakerOperation, body: Record<string, unknown>): T {
  throwIfAny([
    ...validateRequest(operation, body, LOCAL_EXTENSIONS),
    ...checkLocalRules(operation, body),
    ...checkUnsupported(operation, body),
  ]);
  return body as T;
}

/** Describe/Stop/List and the other operations: the model's rules only. */
export function validateInput(operation: SageMakerOperation, body: Record<string, unknown>): void {
  throwIfAny(checkRequest(operation, body));
}

function throwIfAny(violations: Violation[]): void {
  if (violations.length) throw validationError(validationMessage(violations));
}
