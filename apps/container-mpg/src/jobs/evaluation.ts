/**
 * Evaluation (ProcessingJob): inputs `model` (model.json or model.tar.gz) and `test` (CSV) →
 * output `evaluation`: evaluation.json (RMSE, MAE, R²) and evaluation.svg (predicted vs actual).
 */
import * as path from 'node:path';
import { logMetric, type ProcessingEnv } from '@mlops/sagemaker-toolkit';
import { readDataset } from '../utils/dataset';
import {
  evaluationInputs,
  collectPredictions,
  writeEvaluation,
  regressionMetrics,
  scatterSvg,
} from '@mlops/ml-kit';
import { FEATURES, MODEL_NAME, TARGET } from '../utils/schema';
import { loadModel, predict } from './load-model';

export interface EvaluationReport {
  model: string;
  task: 'regression';
  /** Flat numbers, the keys evaluation thresholds refer to (e.g. `r2 >= 0.7`). */
  metrics: { rmse: number; mae: number; r2: number };
  n: number;
  test_files: string[];
}

export function evaluationJob(env: ProcessingEnv): EvaluationReport {
  const { loaded, files, outDir } = evaluationInputs(env, loadModel);
  const { actual, predicted } = collectPredictions(
    files,
    (text, file) => readDataset(text, file, FEATURES, TARGET, { requireTarget: true }),
    (data, file) => predict(loaded, data, file),
  );
  const m = regressionMetrics(actual, predicted);
  const report: EvaluationReport = {
    model: MODEL_NAME,
    task: 'regression',
    metrics: { rmse: m.rmse, mae: m.mae, r2: m.r2 },
    n: m.n,
    test_files: files.map((f) => path.basename(f)),
  };
  const title = `mpg: predicted vs actual (RMSE ${m.rmse.toFixed(2)}, R² ${m.r2.toFixed(3)}, n = ${m.n})`;
  writeEvaluation(outDir, report, scatterSvg(actual, predicted, title, 'miles per gallon'));
  logMetric('test:rmse', m.rmse);
  logMetric('test:mae', m.mae);
  logMetric('test:r2', m.r2);
  console.log(
    `evaluation: ${m.n} test rows, RMSE ${m.rmse.toFixed(3)}, MAE ${m.mae.toFixed(3)}, R² ${m.r2.toFixed(4)} (model ${loaded.source})`,
  );
  return report;
}
