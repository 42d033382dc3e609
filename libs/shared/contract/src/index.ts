export { BATCHES } from './pipeline/batches';
export type { BatchName } from './pipeline/batches';
export { THRESHOLD_OPS } from './pipeline/threshold';
export type { Threshold, ThresholdOp } from './pipeline/threshold';
export {
  SAGEMAKER_RULES,
  SAGEMAKER_MODEL_COMMIT,
  TRAINING_INSTANCE_TYPES,
  PROCESSING_INSTANCE_TYPES,
  enumValues,
} from './sagemaker/rules';
export type {
  Bounds,
  Constraints,
  MemberRule,
  RuleTable,
  SageMakerOperation,
  ShapeRule,
} from './sagemaker/rules';
export { checkRequest } from './sagemaker/check-request';
export type { CheckOptions, Violation } from './sagemaker/check-request';
export {
  checkServiceRules,
  PROCESSING_LOCAL_PATH_PREFIX,
  TRAINING_MAX_RUNTIME_SECONDS,
} from './sagemaker/service-rules';
export type { ServiceRuleOptions } from './sagemaker/service-rules';
export { validateRequest } from './sagemaker/validate-request';
export { validationMessage, violationText } from './sagemaker/validation-message';
export { PROCESSING_COMMAND, processingArguments } from './container/commands';
export { appDistPath, imageBaseName } from './container/image-app';
export { parseArgv } from './cli/parse-argv';
