// @ts-check
/**
 * One Nx inference plugin for the `test`, `lint`, `docker:build`, `docker:run` and `nx-release-publish`
 * targets, replacing @nx/jest/plugin, @nx/eslint/plugin and @nx/docker in nx.json. With the daemon off,
 * Nx starts a worker process per plugin for every command, and those three also load Jest, ESLint and
 * the Docker plugin to read each config: that was most of the project-graph time at 50 models
 * (tools/workspace-plugin/README.md, "Scale benchmark"). The targets are the same ones those plugins
 * inferred for this repo (same command, cwd, env, cache, outputs, metadata; inputs from `options` and
 * targetDefaults), decided from file names only:
 * - `<root>/jest.config.js` → `test` (`jest` in the project root);
 * - `<root>/eslint.config.mjs` → `lint` (`eslint .` in the project root);
 * - `apps/<name>/Dockerfile`, `docker/<name>/Dockerfile` → `docker:build`, `docker:run`, `nx-release-publish`.
 * Plain CommonJS with no imports beyond Node, so Nx neither transpiles it nor loads a framework per command.
 */
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {object} TargetsPluginOptions
 * @property {unknown[]} testInputs inputs of `test` (what @nx/jest derived from jest.preset.js)
 * @property {string[]} dockerBuildArgs `docker build` arguments; `{projectName}` is replaced
 */

/** Jest registers ts-node for TS configs with these settings; @nx/jest passed them, so do we. */
const TS_NODE_COMPILER_OPTIONS = JSON.stringify({
  moduleResolution: 'node10',
  module: 'commonjs',
  customConditions: null,
});

const DOCKERFILE = /^(apps|docker)\/[^/]+\/Dockerfile$/;

/** @param {string} root @param {unknown[]} inputs */
function testTarget(root, inputs) {
  return {
    command: 'jest',
    options: { cwd: root, env: { TS_NODE_COMPILER_OPTIONS } },
    cache: true,
    inputs,
    outputs: [],
    metadata: {
      technologies: ['jest'],
      description: 'Run Jest Tests',
      help: { command: 'npx jest --help', example: { options: { coverage: true } } },
    },
  };
}

/** @param {string} root */
function lintTarget(root) {
  return {
    command: 'eslint .',
    cache: true,
    options: { cwd: root },
    outputs: ['{options.outputFile}'],
    metadata: {
      technologies: ['eslint'],
      description: 'Runs ESLint on project',
      help: { command: 'npx eslint --help', example: { options: { 'max-warnings': 0 } } },
    },
  };
}

/** The project's name as @nx/docker read it: project.json `name`, else package.json `name`. */
function projectName(workspaceRoot, root) {
  for (const file of ['project.json', 'package.json']) {
    const p = path.join(workspaceRoot, root, file);
    if (!fs.existsSync(p)) continue;
    let name;
    try {
      name = JSON.parse(fs.readFileSync(p, 'utf8')).name;
    } catch (e) {
      throw new Error(`${root}/${file}: not valid JSON (${/** @type {Error} */ (e).message})`);
    }
    if (typeof name === 'string' && name !== '') return name;
  }
  return path.basename(root);
}

/** @param {string} root @param {string} name @param {string[]} buildArgs */
function dockerTargets(root, name, buildArgs) {
  // The image docker:build tags (`--tag <project>:latest`), never pulled: a missing image is an error,
  // not a Docker Hub lookup.
  const imageRef = `${name}:latest`;
  const inputs = ['production', '^production'];
  return {
    'docker:build': {
      dependsOn: ['build', '^build'],
      command: 'docker build .',
      options: { cwd: root, args: buildArgs.map((a) => a.split('{projectName}').join(name)) },
      inputs,
      metadata: {
        technologies: ['docker'],
        description: 'Run Docker build',
        help: {
          command: 'docker build --help',
          example: {
            options: {
              'cache-from': 'type=s3,region=eu-west-1,bucket=mybucket .',
              'cache-to': 'type=s3,region=eu-west-1,bucket=mybucket .',
            },
          },
        },
      },
    },
    'docker:run': {
      dependsOn: ['docker:build'],
      command: `docker run --rm --pull never {args} ${imageRef}`,
      options: { cwd: root },
      inputs,
      metadata: {
        technologies: ['docker'],
        description: 'Run Docker run',
        help: { command: 'docker run --help', example: { options: { args: ['-p', '3000:3000'] } } },
      },
    },
    'nx-release-publish': { executor: '@nx/docker:release-publish', continuous: false },
  };
}

/** @param {unknown} raw @returns {TargetsPluginOptions} */
function readOptions(raw) {
  const o = /** @type {Partial<TargetsPluginOptions>} */ (raw ?? {});
  if (!Array.isArray(o.testInputs))
    throw new Error('nx.json: targets-plugin option "testInputs" must be a list of Nx inputs');
  if (!Array.isArray(o.dockerBuildArgs) || !o.dockerBuildArgs.every((a) => typeof a === 'string'))
    throw new Error('nx.json: targets-plugin option "dockerBuildArgs" must be a list of strings');
  return { testInputs: o.testInputs, dockerBuildArgs: o.dockerBuildArgs };
}

/**
 * @param {readonly string[]} files config files Nx matched, relative to the workspace root
 * @param {unknown} rawOptions
 * @param {{ workspaceRoot: string }} context
 */
function createTargets(files, rawOptions, context) {
  const options = readOptions(rawOptions);
  /** @type {Map<string, Record<string, unknown>>} */
  const byRoot = new Map();
  /** @type {Map<string, Record<string, unknown>>} */
  const metadataByRoot = new Map();
  /** @type {Map<string, string>} */
  const firstFile = new Map();
  for (const file of files) {
    const root = path.posix.dirname(file);
    const targets = byRoot.get(root) ?? {};
    const base = path.posix.basename(file);
    if (base === 'jest.config.js') targets.test = testTarget(root, options.testInputs);
    else if (base === 'eslint.config.mjs') targets.lint = lintTarget(root);
    else if (DOCKERFILE.test(file)) {
      Object.assign(
        targets,
        dockerTargets(root, projectName(context.workspaceRoot, root), options.dockerBuildArgs),
      );
      metadataByRoot.set(root, {
        targetGroups: { Docker: ['docker:build', 'docker:run', 'nx-release-publish'] },
      });
    } else continue;
    byRoot.set(root, targets);
    if (!firstFile.has(root)) firstFile.set(root, file);
  }
  // One result per matched file, as Nx expects; the project's targets ride on the first.
  /** @type {Array<[string, { projects: Record<string, unknown> }]>} */
  const results = [];
  for (const [root, targets] of byRoot) {
    const metadata = metadataByRoot.get(root);
    results.push([
      /** @type {string} */ (firstFile.get(root)),
      { projects: { [root]: { targets, ...(metadata ? { metadata } : {}) } } },
    ]);
  }
  return results;
}

/** Project roots are one level below these folders, two below libs/ (`libs/<side>/<name>`; see README, Layout). */
const GLOB = '{apps/*,libs/*/*,tools/*,docker/*}/{jest.config.js,eslint.config.mjs,Dockerfile}';

/** @type {[string, (files: readonly string[], options: unknown, context: { workspaceRoot: string }) => Promise<unknown>]} */
const createNodes = [GLOB, async (files, options, context) => createTargets(files, options, context)];

module.exports = { createNodes, createNodesV2: createNodes, createTargets, name: 'mlops-targets' };
