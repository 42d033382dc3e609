/** Classification metrics: accuracy, per-class precision/recall/F1, macro F1, confusion matrix. */
export interface ConfusionMatrix {
  /** Row = actual, column = predicted, in `labels` order. */
  labels: string[];
  matrix: number[][];
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
  confusion: ConfusionMatrix;
  n: number;
}

export function accuracy(actual: readonly string[], predicted: readonly string[]): number {
  if (actual.length !== predicted.length)
    throw new Error(`accuracy: ${actual.length} labels vs ${predicted.length} predictions`);
  if (actual.length === 0) throw new Error('accuracy: no samples');
  return actual.filter((a, i) => a === predicted[i]).length / actual.length;
}

/** `labels` fixes the order (the model's classes); labels only seen in the data are appended. */
export function confusionMatrix(
  actual: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): ConfusionMatrix {
  const all = [...labels];
  for (const l of [...actual, ...predicted]) if (!all.includes(l)) all.push(l);
  const matrix = all.map(() => new Array<number>(all.length).fill(0));
  actual.forEach((a, i) => matrix[all.indexOf(a)][all.indexOf(predicted[i])]++);
  return { labels: all, matrix };
}

export function classificationReport(
  actual: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): ClassificationReport {
  const confusion = confusionMatrix(actual, predicted, labels);
  const { matrix } = confusion;
  const perClass: Record<string, ClassMetrics> = {};
  confusion.labels.forEach((label, k) => {
    const tp = matrix[k][k];
    const support = matrix[k].reduce((s, v) => s + v, 0);
    const predictedK = matrix.reduce((s, row) => s + row[k], 0);
    // Undefined ratios count as 0, as scikit-learn's zero_division=0.
    const precision = predictedK === 0 ? 0 : tp / predictedK;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support };
  });
  // Macro average over classes that occur in the data or the model (not labels that appear nowhere).
  const counted = confusion.labels.filter((l) => perClass[l].support > 0 || labels.includes(l));
  const macroF1 = counted.reduce((s, l) => s + perClass[l].f1, 0) / counted.length;
  return { accuracy: accuracy(actual, predicted), macroF1, perClass, confusion, n: actual.length };
}
