/** The iris data contract: the columns every job expects (raw CSV, splits, inference input). */
export const FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] as const;
export const TARGET = 'species';
export const MODEL_NAME = 'iris';
