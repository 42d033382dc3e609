/**
 * Conformance with the Python toolkit: the public fixtures and the golden tables of
 * shared/reference/sagemaker-container-contract.md (§1.2, §1.7, §1.8, §2), byte for byte.
 */
import { parsePythonJson } from '../src/lib/python-json';
import { toCmdArgs, toEnvVars } from '../src/lib/mapping';
import { decodeHyperparameters } from '../src/lib/environment';
import { jsonDumps } from '../src/lib/python-format';
import { ExecuteUserScriptError } from '../src/lib/errors';
import { loadTrainingEnv } from '../src/lib/training-env';
import { ToolkitConfigError } from '../src/lib/errors';
import { PyDict } from '../src/lib/py-value';
import { fixturePath, makeTrainingTree, readFixture, removeTree } from './support/opt-ml';
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAPPING = 'sagemaker-training-toolkit__test-unit-test_mapping__to_cmd_args-and-to_env_vars.json';
const ROUND_TRIP = 'sagemaker-training-toolkit__test-unit-test_mapping__env_vars_round_trip.json';

// Fixture inputs are Python values written as JSON: our Python-exact parser keeps 4.0 a float.
const mappingTable = parsePythonJson(readFixture(MAPPING)) as PyDict;
const cases = (name: string) =>
  (mappingTable.get(name) as PyDict[]).map((c) => [c.get('in') as PyDict, c.get('out')] as const);

describe('mapping.to_cmd_args fixture table', () => {
  it.each(cases('to_cmd_args'))('case %#', (input, out) => {
    expect(toCmdArgs(input)).toEqual(out);
  });
});

describe('mapping.to_env_vars fixture table', () => {
  it.each(cases('to_env_vars'))('case %#', (input, out) => {
    expect(toEnvVars(input)).toEqual(Object.fromEntries(out as PyDict));
  });
});

describe('hyperparameter decoding (ALL_HYPERPARAMETERS fixtures)', () => {
  it('decodes the all-strings file to the decoded twin', () => {
    const raw = parsePythonJson(
      readFixture(
        'sagemaker-training-toolkit__test-unit-test_environment__ALL_HYPERPARAMETERS.hyperparameters.json',
      ),
    ) as PyDict;
    const expected = readFixture(
      'sagemaker-training-toolkit__test-unit-test_environment__ALL_HYPERPARAMETERS.decoded.json',
    );
    expect(jsonDumps(decodeHyperparameters(raw).decoded)).toBe(jsonDumps(parsePythonJson(expected)));
  });
  it('keeps non-string values of a hand-written file (test_read_value_serialized_and_non_value_serialized)', () => {
    const mixed = parsePythonJson(
      '{"batch_size": 32, "hosts": ["algo-1"], "sagemaker_program": "\\"main.py\\""}',
    ) as PyDict;
    expect(jsonDumps(decodeHyperparameters(mixed).decoded)).toBe(
      '{"batch_size":32,"hosts":["algo-1"],"sagemaker_program":"main.py"}',
    );
  });
});

describe('Environment() on fixture files', () => {
  let base: string;
  afterEach(() => removeTree(base));

  it('test_training_env expectations (heterogeneous RESOURCE_CONFIG)', () => {
    base = makeTrainingTree({
      hyperparameters: readFixture(
        'sagemaker-training-toolkit__test-unit-test_environment__ALL_HYPERPARAMETERS.hyperparameters.json',
      ),
      inputDataConfig: readFixture(
        'sagemaker-training-toolkit__test-unit-test_environment__INPUT_DATA_CONFIG.inputdataconfig.json',
      ),
      resourceConfig: readFixture(
        'sagemaker-training-toolkit__test-unit-test_environment__RESOURCE_CONFIG.resourceconfig.json',
      ),
    });
    const env = loadTrainingEnv({
      baseDir: base,
      env: { TRAINING_JOB_NAME: 'training-job-42' },
      numCpus: 8,
      numGpus: 4,
    });
    expect(env.hyperparameters).toEqual({
      batch_size: 32,
      learning_rate: 0.001,
      hosts: ['algo-1', 'algo-2'],
    });
    expect(env.frameworkParams).toEqual({ sagemaker_parameter_server_num: 2 });
    expect(env.moduleName).toBe('main');
    expect(env.userEntryPoint).toBe('main.py');
    expect(env.moduleDir).toBe('imagenet');
    expect(env.logLevel).toBe(30);
    expect(env.currentInstanceGroup).toBe('train1');
    expect(env.currentInstanceType).toBe('ml.p3.16xlarge');
    expect(env.instanceGroups).toEqual(['train1', 'train2']);
    expect(env.networkInterfaceName).toBe('eth0');
    expect(env.jobName).toBe('training-job-42');
    expect(env.region).toBe('us-west-2');
    expect(env.smEnv.SM_NUM_CPUS).toBe('8');
    expect(env.smEnv.SM_NUM_GPUS).toBe('4');
    expect(env.smEnv.SM_IS_HETERO).toBe('true');
    expect(env.instanceGroupsDict.train2).toEqual({
      instance_group_name: 'train2',
      instance_type: 'ml.p3.8xlarge',
      hosts: ['algo-3'],
    });
  });

  it('test_env_vars_round_trip fixture', () => {
    const rt = parsePythonJson(readFixture(ROUND_TRIP)) as PyDict;
    const input = rt.get('input') as PyDict;
    // SageMaker writes every hp value as a string; the fixture's values are already decoded, so encode them.
    const hps = Object.fromEntries(
      [...(input.get('hyperparameters') as PyDict)].map(([k, v]) => [
        k,
        typeof v === 'string' ? v : jsonDumps(v),
      ]),
    );
    base = makeTrainingTree({
      hyperparameters: hps,
      resourceConfig: jsonDumps(input.get('resource_config') as PyDict),
      inputDataConfig: jsonDumps(input.get('input_data_config') as PyDict),
    });
    const env = loadTrainingEnv({
      baseDir: base,
      env: Object.fromEntries(input.get('env') as PyDict) as Record<string, string>,
    });
    expect(env.smEnv).toMatchObject(Object.fromEntries(rt.get('expected_env_subset') as PyDict));
    for (const [name, suffix] of rt.get('expected_env_suffixes') as PyDict) {
      expect(env.smEnv[name]).toBe(path.join(base, (suffix as string).replace('/opt/ml/', '')));
    }
    expect(env.userArgs.join(' ')).toBe(rt.get('expected_cmd_args_joined'));
    expect(env.smEnv.SM_USER_ARGS).toBe(jsonDumps(env.userArgs));
  });

  it('DG three-channel inputdataconfig and three-node resourceconfig', () => {
    base = makeTrainingTree({
      hyperparameters: readFixture(
        'aws-docs__your-algorithms-training-algo-running-container__hyperparameters.json',
      ),
      inputDataConfig: readFixture(
        'aws-docs__your-algorithms-training-algo-running-container__inputdataconfig.json',
      ),
      resourceConfig: readFixture(
        'aws-docs__your-algorithms-training-algo-running-container__resourceconfig.json',
      ),
    });
    const env = loadTrainingEnv({ baseDir: base, env: {}, numCpus: 2, numGpus: 0 });
    expect(env.smEnv.SM_CHANNELS).toBe('["evaluation","train","validation"]');
    expect(env.smEnv.SM_NETWORK_INTERFACE_NAME).toBe('eth1');
    expect(env.smEnv.SM_HPS).toBe('{"eta":0.001,"num_round":128}');
    expect(env.userArgs).toEqual(['--eta', '0.001', '--num_round', '128']);
    expect(env.smEnv.SM_HOSTS).toBe('["algo-1","algo-2","algo-3"]');
    expect(env.smEnv.SM_USER_ENTRY_POINT).toBe('');
    expect(env.smEnv.SM_MODULE_NAME).toBe('None');
    expect(env.smEnv.SM_CURRENT_INSTANCE_TYPE).toBe('local');
    expect(env.smEnv.SM_CURRENT_INSTANCE_GROUP).toBe('homogeneousCluster');
    expect(env.smEnv.SM_INSTANCE_GROUPS).toBe('[]');
    expect(env.masterHostname).toBe('algo-1');
    expect(env.smEnv.SM_CHANNEL_EVALUATION).toBe(path.join(base, 'input/data/evaluation'));
  });

  it('multi-model and scikit fixtures (all-string and empty hyperparameters)', () => {
    base = makeTrainingTree({
      hyperparameters: readFixture(
        'amazon-sagemaker-examples__sagemaker-pipeline-multi-model__local_test__hyperparameters.json',
      ),
    });
    expect(loadTrainingEnv({ baseDir: base, env: {} }).userArgs).toEqual([
      '--max_depth',
      '2',
      '--max_leaf_nodes',
      '2',
    ]);
    fs.writeFileSync(
      path.join(base, 'input/config/hyperparameters.json'),
      readFixture('amazon-sagemaker-examples__scikit_bring_your_own__local_test__hyperparameters.json'),
    );
    const env = loadTrainingEnv({ baseDir: base, env: {} });
    expect(env.smEnv.SM_HPS).toBe('{}');
    expect(env.smEnv.SM_USER_ARGS).toBe('[]');
  });

  it('rejects the trailing-comma hyperparameters fixture, naming file and position', () => {
    base = makeTrainingTree({
      hyperparameters: readFixture(
        'amazon-sagemaker-examples__sagemaker-fundamentals__hyperparameter_injection__hyperparameters.INVALID-trailing-comma.json',
      ),
    });
    const file = path.join(base, 'input/config/hyperparameters.json');
    expect(() => loadTrainingEnv({ baseDir: base, env: {} })).toThrow(
      new ToolkitConfigError(
        file,
        'invalid JSON: Illegal trailing comma before end of object: line 6 column 1 (char 107)',
      ),
    );
  });

  it('rejects the empty resourceConfig fixture and a missing resourceconfig.json', () => {
    base = makeTrainingTree();
    const file = path.join(base, 'input/config/resourceconfig.json');
    fs.copyFileSync(
      fixturePath('amazon-sagemaker-examples__scikit_bring_your_own__local_test__resourceConfig.json.EMPTY'),
      file,
    );
    expect(() => loadTrainingEnv({ baseDir: base, env: {} })).toThrow(
      `${file}: file is empty, expected a JSON object`,
    );
    fs.rmSync(file);
    expect(() => loadTrainingEnv({ baseDir: base, env: {} })).toThrow(`${file}: file not found`);
  });

  it('accepts the toolkit test resourceconfig (current_instance_group key is ignored, as in Environment())', () => {
    base = makeTrainingTree({
      resourceConfig: readFixture(
        'sagemaker-training-toolkit__test-__init__-py__create_resource_config-default.resourceconfig.json',
      ),
    });
    const env = loadTrainingEnv({ baseDir: base, env: {} });
    expect(env.currentInstanceGroup).toBe('homogeneousCluster');
    expect(env.networkInterfaceName).toBe('ethwe');
  });
});

describe('errors.py message format (test_errors fixture)', () => {
  const table = JSON.parse(
    readFixture('sagemaker-training-toolkit__test-unit-test_errors__messages.json'),
  ) as Array<{
    class: string;
    cmd: string[];
    return_code: number;
    output: string | null;
    info: string | null;
    str: string;
  }>;
  it.each(table.filter((c) => c.class === 'ExecuteUserScriptError'))('ExecuteUserScriptError %#', (c) => {
    // The fixture passes the cmd list, so Python shows its repr.
    const cmdRepr = `[${c.cmd.map((x) => `'${x}'`).join(', ')}]`;
    const output = c.output === null ? '' : c.output.replace(/ \(bytes.*\)$/, '');
    const err = new ExecuteUserScriptError(c.return_code, cmdRepr, output, c.info ?? undefined);
    expect(err.failureMessage()).toBe(c.str);
  });
});

describe('reference §2 golden table (Python vs JS divergences)', () => {
  const bases: string[] = [];
  afterEach(() => bases.splice(0).forEach(removeTree));

  const load = (hps: Record<string, string>) => {
    const base = makeTrainingTree({ hyperparameters: hps });
    bases.push(base);
    return loadTrainingEnv({ baseDir: base, env: {}, numCpus: 1, numGpus: 0 });
  };

  it('NaN / Infinity / 1e400', () => {
    const env = load({ nan: 'NaN', inf: 'Infinity', big: '1e400', ninf: '-Infinity' });
    expect(env.smEnv.SM_HP_NAN).toBe('NaN');
    expect(env.smEnv.SM_HP_INF).toBe('Infinity');
    expect(env.smEnv.SM_HP_BIG).toBe('Infinity');
    expect(env.smEnv.SM_HPS).toBe('{"big":Infinity,"inf":Infinity,"nan":NaN,"ninf":-Infinity}');
    expect(env.userArgs).toEqual(['--big', 'inf', '--inf', 'inf', '--nan', 'nan', '--ninf', '-inf']);
  });

  it('floats keep Python form; big ints stay exact', () => {
    const env = load({ scale: '1.0', lr_small: '0.00001', huge: '12345678901234567890', five: ' 5 ' });
    expect(env.smEnv.SM_HP_SCALE).toBe('1.0');
    expect(env.smEnv.SM_HP_LR_SMALL).toBe('1e-05');
    expect(env.smEnv.SM_HP_HUGE).toBe('12345678901234567890');
    expect(env.smEnv.SM_HP_FIVE).toBe('5');
    expect(env.smEnv.SM_HPS).toBe('{"five":5,"huge":12345678901234567890,"lr_small":1e-05,"scale":1.0}');
    expect(env.userArgs).toEqual([
      '--five',
      '5',
      '--huge',
      '12345678901234567890',
      '--lr_small',
      '1e-05',
      '--scale',
      '1.0',
    ]);
    expect(env.hyperparameters.huge).toBe(12345678901234567890n);
  });

  it('true/True/null and strings', () => {
    const env = load({ t: 'true', T2: 'True', n: 'null', s: '"abc"', raw: 'abc', u: '¡ø' });
    expect(env.smEnv.SM_HP_T).toBe('true');
    expect(env.smEnv.SM_HP_T2).toBe('True');
    expect(env.smEnv.SM_HP_N).toBe('');
    expect(env.smEnv.SM_HP_S).toBe('abc');
    expect(env.smEnv.SM_HP_U).toBe('¡ø');
    expect(env.smEnv.SM_HPS).toBe(
      '{"T2":"True","n":null,"raw":"abc","s":"abc","t":true,"u":"\\u00a1\\u00f8"}',
    );
    expect(env.userArgs).toEqual([
      '--T2',
      'True',
      '-n',
      '',
      '--raw',
      'abc',
      '-s',
      'abc',
      '-t',
      'True',
      '-u',
      '¡ø',
    ]);
  });

  it('case collisions: the later key in file order wins', () => {
    const env = load({ flag_true: 'true', flag_True: 'True' });
    expect(env.smEnv.SM_HP_FLAG_TRUE).toBe('True');
    const env2 = load({ flag_True: 'True', flag_true: 'true' });
    expect(env2.smEnv.SM_HP_FLAG_TRUE).toBe('true');
  });

  it('worked example (lists, dicts, names kept, framework params split out)', () => {
    const env = load({
      epochs: '10',
      lr_small: '0.00001',
      scale: '1.0',
      nested: '{"b": [1, 3], "a": "x"}',
      'learning-rate': '0.1',
      x: '1',
      sagemaker_mpi_enabled: 'true',
      list: '[1, "2", [3.0]]',
    });
    expect(env.smEnv.SM_FRAMEWORK_PARAMS).toBe('{"sagemaker_mpi_enabled":true}');
    expect(env.smEnv.SM_HP_NESTED).toBe('{"a":"x","b":[1,3]}');
    expect(env.smEnv['SM_HP_LEARNING-RATE']).toBe('0.1');
    expect(env.smEnv.SM_HP_LIST).toBe('[1,"2",[3.0]]');
    expect(env.smEnv.SM_HP_SAGEMAKER_MPI_ENABLED).toBeUndefined();
    const args = [
      '--epochs',
      '10',
      '--learning-rate',
      '0.1',
      '--list',
      "[1, '2', [3.0]]",
      '--lr_small',
      '1e-05',
      '--nested',
      'a=x,b=[1, 3]',
      '--scale',
      '1.0',
      '-x',
      '1',
    ];
    expect(env.userArgs).toEqual(args);
    expect(env.smEnv.SM_USER_ARGS).toBe(JSON.stringify(args));
    // mpi flag on, no instance_groups: distribution hosts = hosts, current group is distributed.
    expect(env.smEnv.SM_DISTRIBUTION_INSTANCE_GROUPS).toBe('["homogeneousCluster"]');
    expect(JSON.parse(env.smEnv.SM_TRAINING_ENV).distribution_hosts).toEqual(['algo-1']);
  });
});
