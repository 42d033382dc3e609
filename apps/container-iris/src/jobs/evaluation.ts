/**
 * Evaluation (ProcessingJob): inputs `model` (model.json or model.tar.gz) and `test` (CSV) →
 * output `evaluation`: evaluation.json (accuracy, macro F1, per-class metrics, confusion matrix)
 * and evaluation.svg (confusion-matrix heatmap).
 */
import * as path from 'node:path';
import { logMetric, type ProcessingEnv } from '@mlops/sagemaker-toolkit';
import { readDataset } from '../utils/dataset';
import {
  evaluationInputs,
  collectPredictions,
  writeEvaluation,
  classificationReport,
  ClassMetrics,
  ConfusionMatrix,
  confusionMatrixSvg,
} from '@mlops/ml-kit';
import { FEATURES, MODEL_NAME, TARGET } from '../utils/schema';
import { loadModel, predict } from './load-model';

export interface EvaluationReport {
  model: string;
  task: 'classification';
  /** Flat numbers, the keys evaluation thresholds refer to (e.g. `accuracy >= 0.9`). */
  metrics: { accuracy: number; macro_f1: number };
  per_class: Record<string, ClassMetrics>;
  confusion_matrix: ConfusionMatrix;
  n: number;
  test_files: string[];
}

export function evaluationJob(env: ProcessingEnv): EvaluationReport {
  const { loaded, files, outDir } = evaluationInputs(env, loadModel);
  const { actual, predicted } = collectPredictions(
    files,
    (text, file) => readDataset(text, file, FEATURES, TARGET, { requireTarget: true }),
    (data, file) => predict(loaded, data, file).labels,
  );
  const r = classificationReport(actual, predicted, loaded.model.classes);
  const report: EvaluationReport = {
    model: MODEL_NAME,
    task: 'classification',
    metrics: { accuracy: r.accuracy, macro_f1: r.macroF1 },
    per_class: r.perClass,
    confusion_matrix: r.confusion,
    n: r.n,
    test_files: files.map((f) => path.basename(f)),
  };
  const title = `iris: confusion matrix (accuracy ${r.accuracy.toFixed(3)}, macro F1 ${r.macroF1.toFixed(3)})`;
  writeEvaluation(outDir, report, confusionMatrixSvg(r.confusion, title));
  logMetric('test:accuracy', r.accuracy);
  logMetric('test:macro_f1', r.macroF1);
  console.log(
    `evaluation: ${r.n} test rows, accuracy ${r.accuracy.toFixed(4)}, macro F1 ${r.macroF1.toFixed(4)} (model ${loaded.source})`,
  );
  return report;
}
