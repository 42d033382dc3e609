/** Mirrors SageMaker Model Registry's `ModelApprovalStatus`. */
export const ModelApprovalStatus = {
  PendingManualApproval: 'PendingManualApproval',
  Approved: 'Approved',
  Rejected: 'Rejected',
} as const;
export type ModelApprovalStatus = (typeof ModelApprovalStatus)[keyof typeof ModelApprovalStatus];
