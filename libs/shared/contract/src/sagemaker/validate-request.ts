import type { CheckOptions, Violation } from './check-request';
import { checkRequest } from './check-request';
import type { SageMakerOperation } from './rules';
import type { ServiceRuleOptions } from './service-rules';
import { checkServiceRules } from './service-rules';

/** The model's constraints, then the rules the model cannot state: what the client checks before it sends a
 *  request and what the local SageMaker checks when it receives one. */
export function validateRequest(
  operation: SageMakerOperation,
  input: unknown,
  options: CheckOptions & ServiceRuleOptions = {},
): Violation[] {
  return [...checkRequest(operation, input, options), ...checkServiceRules(operation, input, options)];
}
