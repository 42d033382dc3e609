import { WORKSPACE_ROOT } from './support/temp-workspace';

// The plugin is plain CommonJS (Nx loads it untranspiled); its shape is checked here.
interface InferredProject {
  targets: Record<string, { command: string; options: { cwd: string; args?: string[] } }>;
  metadata: { targetGroups: Record<string, string[]> };
}
const plugin = require('../src/inference/targets-plugin.js') as {
  createNodes: [string, unknown];
  createTargets(
    files: string[],
    options: unknown,
    context: { workspaceRoot: string },
  ): [string, { projects: Record<string, InferredProject> }][];
};

const OPTIONS = {
  testInputs: ['default', '^production', { externalDependencies: ['jest'] }],
  dockerBuildArgs: ['--tag {projectName}:latest', '--label title={projectName}'],
};
const context = { workspaceRoot: WORKSPACE_ROOT };

describe('targets plugin (test, lint, docker targets from file names)', () => {
  it('infers test, lint and the docker targets of a container app, named from its project.json', () => {
    const files = [
      'apps/container-iris/jest.config.js',
      'apps/container-iris/eslint.config.mjs',
      'apps/container-iris/Dockerfile',
    ];
    const results = plugin.createTargets(files, OPTIONS, context);
    expect(results.map(([file]) => file)).toEqual(['apps/container-iris/jest.config.js']);
    const project = results[0][1].projects['apps/container-iris'];
    expect(Object.keys(project.targets).sort()).toEqual([
      'docker:build',
      'docker:run',
      'lint',
      'nx-release-publish',
      'test',
    ]);
    expect(project.targets.test).toMatchObject({
      command: 'jest',
      cache: true,
      inputs: OPTIONS.testInputs,
      outputs: [],
    });
    expect(project.targets.test.options.cwd).toBe('apps/container-iris');
    expect(project.targets.lint).toMatchObject({
      command: 'eslint .',
      options: { cwd: 'apps/container-iris' },
    });
    expect(project.targets['docker:build'].options.args).toEqual([
      '--tag container-iris:latest',
      '--label title=container-iris',
    ]);
    expect(project.targets['docker:run'].command).toBe('docker run --rm --pull never {args} container-iris:latest');
    expect(project.metadata.targetGroups.Docker).toEqual([
      'docker:build',
      'docker:run',
      'nx-release-publish',
    ]);
  });

  it('gives a lib no docker targets, and ignores a Dockerfile outside apps/ and docker/', () => {
    const results = plugin.createTargets(['libs/pipeline/db/jest.config.js', 'libs/pipeline/db/Dockerfile'], OPTIONS, context);
    expect(Object.keys(results[0][1].projects['libs/pipeline/db'].targets)).toEqual(['test']);
    expect(plugin.createTargets(['tools/x/Dockerfile'], OPTIONS, context)).toEqual([]);
  });

  it('matches project roots one level below apps, tools and docker, and two below libs (libs/<side>/<name>)', () => {
    expect(plugin.createNodes[0]).toBe(
      '{apps/*,libs/*/*,tools/*,docker/*}/{jest.config.js,eslint.config.mjs,Dockerfile}',
    );
  });

  it('refuses options it cannot use, naming nx.json and the option', () => {
    expect(() => plugin.createTargets([], { dockerBuildArgs: [] }, context)).toThrow(
      'nx.json: targets-plugin option "testInputs" must be a list of Nx inputs',
    );
    expect(() => plugin.createTargets([], { testInputs: [], dockerBuildArgs: [1] }, context)).toThrow(
      'nx.json: targets-plugin option "dockerBuildArgs" must be a list of strings',
    );
  });
});
