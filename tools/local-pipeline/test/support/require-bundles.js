// Fails the run at once, naming what is missing, when the bundles the tests spawn are not built.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..', '..', '..');
const BUNDLES = [
  'tools/local-pipeline/dist/main.js',
  'tools/local-stepfunctions/dist/main.js',
  ...['collection', 'preprocess', 'training', 'evaluation', 'inference'].map(
    (p) => `apps/pipeline-${p}/dist/main.js`,
  ),
  'apps/container-iris/dist/main.js',
  'apps/container-mpg/dist/main.js',
];

module.exports = async () => {
  const missing = BUNDLES.filter((b) => !existsSync(join(ROOT, b)));
  if (missing.length > 0)
    throw new Error(
      `Not built: ${missing.join(', ')}. Run the target through Nx (it builds them first): ` +
        '`npx nx run local-pipeline:integration` / `:e2e`.',
    );
};
