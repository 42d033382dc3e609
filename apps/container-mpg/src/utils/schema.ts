/** The mpg data contract (Auto MPG): the columns every job expects. Other raw columns (Name, Origin) are ignored. */
export const FEATURES = [
  'Cylinders',
  'Displacement',
  'Horsepower',
  'Weight_in_lbs',
  'Acceleration',
  'Year',
] as const;
export const TARGET = 'Miles_per_Gallon';
export const MODEL_NAME = 'mpg';
