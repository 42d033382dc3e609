/**
 * The training environment: everything the Python toolkit's `Environment()` exposes, as plain data,
 * plus the exact SM_* env and CLI args it would hand to the user process.
 */
import {
  readHyperparameters,
  readInputDataConfig,
  readResourceConfig,
  SAGEMAKER_HYPERPARAMETERS,
  SAGEMAKER_PREFIX,
} from './environment';
import { ToolkitConfigError } from './errors';
import { splitByCriteria, toCmdArgs } from './mapping';
import { resolveBaseDir, trainingPaths, TrainingPaths } from './paths';
import { JsValue, PyDict, PyInt, PyValue, pyTruthy, toJs } from './py-value';
import { pyStr } from './python-format';
import { numCpus, numGpus, numNeurons, which } from './resources';
import { buildTrainingEnvVars } from './env-vars';

/** One channel of inputdataconfig.json. Keys as SageMaker writes them. */
export interface ChannelConfig {
  TrainingInputMode?: 'File' | 'Pipe' | 'FastFile' | string;
  S3DistributionType?: 'FullyReplicated' | 'ShardedByS3Key' | string;
  RecordWrapperType?: 'None' | 'RecordIO' | string;
  ContentType?: string;
  [key: string]: JsValue | undefined;
}

export interface InstanceGroup {
  instance_group_name: string;
  instance_type?: string;
  hosts: string[];
  [key: string]: JsValue | undefined;
}

export interface TrainingEnv extends TrainingPaths {
  /** User hyperparameters (reserved and `sagemaker_*` keys removed), decoded by the toolkit's rules. */
  hyperparameters: Record<string, JsValue>;
  /** Every hyperparameter exactly as written in hyperparameters.json (including `sagemaker_*`). */
  rawHyperparameters: Record<string, string>;
  /** `sagemaker_*` keys that are not reserved (the toolkit's additional_framework_parameters). */
  frameworkParams: Record<string, JsValue>;
  /** Channel name -> /opt/ml/input/data/<channel> (computed; existence is not checked). */
  channelInputDirs: Record<string, string>;
  inputDataConfig: Record<string, ChannelConfig>;
  resourceConfig: Record<string, JsValue>;
  currentHost: string;
  hosts: string[];
  masterHostname: string;
  isMaster: boolean;
  distributionHosts: string[];
  distributionInstanceGroups: string[];
  currentInstanceType: string;
  currentInstanceGroup: string;
  currentInstanceGroupHosts: string[];
  instanceGroups: string[];
  instanceGroupsDict: Record<string, InstanceGroup>;
  isHetero: boolean;
  networkInterfaceName: string;
  numCpus: number;
  numGpus: number;
  numNeurons: number;
  /** `TRAINING_JOB_NAME` (set by the platform), null when absent. */
  jobName: string | null;
  /** `sagemaker_region` hp, else AWS_REGION / AWS_DEFAULT_REGION, else "". */
  region: string;
  /** `sagemaker_container_log_level` hp, default 20 (logging.INFO). */
  logLevel: JsValue;
  /** SAGEMAKER_PROGRAM, else the `sagemaker_program` hp; null when neither is set. */
  userEntryPoint: string | null;
  moduleName: string;
  moduleDir: string;
  frameworkModule: string | null;
  /** The exact SM_* variables the Python toolkit exports. */
  smEnv: Record<string, string>;
  /** The exact CLI args (`--key value`, sorted) the Python toolkit passes. */
  userArgs: string[];
}

export interface LoadTrainingEnvOptions {
  /** Defaults to `$SAGEMAKER_BASE_DIR`, else /opt/ml. */
  baseDir?: string;
  /** Process env to read (SAGEMAKER_PROGRAM, TRAINING_JOB_NAME, ...). Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Override detected counts (tests, or to skip probing). */
  numCpus?: number;
  numGpus?: number;
  numNeurons?: number;
}

/** The seven flags that put the current group into distribution_instance_groups by default. */
const DISTRIBUTION_FLAGS = [
  'sagemaker_mpi_enabled',
  'sagemaker_parameter_server_enabled',
  'sagemaker_distributed_dataparallel_enabled',
  'sagemaker_pytorch_ddp_enabled',
  'sagemaker_pytorch_xla_multi_worker_enabled',
  'sagemaker_multi_worker_mirrored_strategy_enabled',
  'sagemaker_torch_distributed_enabled',
];

/** Python's `x in container` for a list or a str. */
function pyIn(item: string, container: PyValue): boolean {
  if (typeof container === 'string') return container.includes(item);
  if (Array.isArray(container)) return container.includes(item);
  if (container instanceof Map) return container.has(item);
  return false;
}

/**
 * Reads /opt/ml/input/config/*.json and the process env. Throws ToolkitConfigError naming the file on a
 * missing, empty or malformed file.
 */
export function loadTrainingEnv(options: LoadTrainingEnvOptions = {}): TrainingEnv {
  const env = options.env ?? process.env;
  const paths = trainingPaths(options.baseDir ?? resolveBaseDir(env));
  const { decoded, raw } = readHyperparameters(paths.hyperparametersFile);
  const inputDataConfig = readInputDataConfig(paths.inputDataConfigFile);
  const resourceConfig = readResourceConfig(paths.resourceConfigFile);

  const logLevelEnv = env.SAGEMAKER_CONTAINER_LOG_LEVEL;
  if (logLevelEnv !== undefined && !/^\s*[-+]?\d+(_\d+)*\s*$/.test(logLevelEnv)) {
    // Python does int(os.environ[...]) before the hp override, so a non-int value crashes it too.
    throw new ToolkitConfigError(
      'env SAGEMAKER_CONTAINER_LOG_LEVEL',
      `expected an integer, found "${logLevelEnv}"`,
    );
  }

  const split = splitByCriteria(decoded, SAGEMAKER_HYPERPARAMETERS, SAGEMAKER_PREFIX);
  const sm = split.included;
  const userHps = split.excluded;
  const frameworkParams: PyDict = new Map(
    [...sm].filter(([k]) => !(SAGEMAKER_HYPERPARAMETERS as readonly string[]).includes(k)),
  );

  const currentHost = resourceConfig.get('current_host') as string;
  const hosts = resourceConfig.get('hosts') as string[];
  const groupsConfig = (resourceConfig.get('instance_groups') ?? []) as PyDict[];
  const networkInterfaceName = resourceConfig.get('network_interface_name') ?? 'eth0';
  const currentInstanceType = resourceConfig.get('current_instance_type') ?? 'local';
  const currentInstanceGroup = resourceConfig.get('current_group_name') ?? 'homogeneousCluster';

  const currentGroup = groupsConfig.find((g) => g.get('instance_group_name') === currentInstanceGroup);
  const currentInstanceGroupHosts: PyValue = currentGroup ? (currentGroup.get('hosts') as string[]) : [];
  const instanceGroups = groupsConfig.map((g) => g.get('instance_group_name') as string);
  const instanceGroupsDict: PyDict = new Map(
    groupsConfig.map((g) => [g.get('instance_group_name') as string, g]),
  );

  const distributionInstanceGroups: PyValue = frameworkParams.has('sagemaker_distribution_instance_groups')
    ? (frameworkParams.get('sagemaker_distribution_instance_groups') as PyValue)
    : DISTRIBUTION_FLAGS.some((f) => pyTruthy(frameworkParams.get(f)))
      ? [currentInstanceGroup]
      : [];
  const distributionHosts: string[] =
    groupsConfig.length > 0
      ? groupsConfig
          .filter((g) => pyIn(g.get('instance_group_name') as string, distributionInstanceGroups))
          .flatMap((g) => g.get('hosts') as string[])
      : [...hosts];
  const masterHostname = distributionHosts.length > 0 ? distributionHosts[0] : hosts[0];

  // SAGEMAKER_PROGRAM wins; module_name is str(hp) -> "None" when neither is set.
  const programEnv = env.SAGEMAKER_PROGRAM;
  const programHp = sm.get('sagemaker_program');
  const moduleNameRaw = programEnv !== undefined ? programEnv : pyStr(programHp ?? null);
  const moduleName = moduleNameRaw.endsWith('.py') ? moduleNameRaw.slice(0, -3) : moduleNameRaw;
  const userEntryPoint: PyValue = programEnv ? programEnv : (programHp ?? null);
  const moduleDir = pyStr(sm.get('sagemaker_submit_directory') ?? paths.codeDir);
  const logLevel: PyValue = sm.get('sagemaker_container_log_level') ?? new PyInt(20n);
  const frameworkModule = env.SAGEMAKER_TRAINING_MODULE ?? null;
  const jobName = env.TRAINING_JOB_NAME ?? null;
  const regionHp = sm.get('sagemaker_region');
  const region =
    regionHp !== undefined && regionHp !== null
      ? pyStr(regionHp)
      : (env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '');
  const mpParameters = env.SM_HP_MP_PARAMETERS;
  const topology = resourceConfig.has('topology') ? (resourceConfig.get('topology') as PyValue) : [];

  const cpus = options.numCpus ?? numCpus();
  const gpus = options.numGpus ?? numGpus(env.PATH);
  const neurons = options.numNeurons ?? numNeurons(pyStr(currentInstanceType), env.PATH);
  const channelInputDirs: PyDict = new Map(
    [...inputDataConfig.keys()].map((c) => [c, `${paths.inputDataDir}/${c}`]),
  );

  // Environment.properties(): the 37 keys of SM_TRAINING_ENV.
  const properties: PyDict = new Map<string, PyValue>([
    ['additional_framework_parameters', frameworkParams],
    ['channel_input_dirs', channelInputDirs],
    ['current_host', currentHost],
    ['current_instance_group', currentInstanceGroup],
    ['current_instance_group_hosts', currentInstanceGroupHosts],
    ['current_instance_type', currentInstanceType],
    ['distribution_hosts', distributionHosts],
    ['distribution_instance_groups', distributionInstanceGroups],
    ['framework_module', frameworkModule],
    ['hosts', hosts],
    ['hyperparameters', userHps],
    ['input_config_dir', paths.inputConfigDir],
    ['input_data_config', inputDataConfig],
    ['input_dir', paths.inputDir],
    ['instance_groups', instanceGroups],
    ['instance_groups_dict', instanceGroupsDict],
    ['is_hetero', instanceGroups.length > 1],
    ['is_master', currentHost === masterHostname],
    [
      'is_modelparallel_enabled',
      mpParameters === undefined ? null : mpParameters === '' ? '' : mpParameters !== '{}',
    ],
    ['is_smddpmprun_installed', which('smddpmprun', env.PATH) !== undefined],
    ['is_smddprun_installed', which('smddprun', env.PATH) !== undefined],
    ['job_name', jobName],
    ['log_level', logLevel],
    ['master_hostname', masterHostname],
    ['model_dir', paths.modelDir],
    ['module_dir', moduleDir],
    ['module_name', moduleName],
    ['network_interface_name', networkInterfaceName],
    ['num_cpus', new PyInt(BigInt(cpus))],
    ['num_gpus', new PyInt(BigInt(gpus))],
    ['num_neurons', new PyInt(BigInt(neurons))],
    ['output_data_dir', paths.outputDataDir],
    ['output_dir', paths.outputDir],
    ['output_intermediate_dir', paths.outputIntermediateDir],
    ['resource_config', resourceConfig],
    ['topology', topology],
    ['user_entry_point', userEntryPoint],
  ]);
  const userArgs = toCmdArgs(userHps);
  const smEnv = buildTrainingEnvVars(properties, userArgs);

  return {
    ...paths,
    hyperparameters: toJs(userHps) as Record<string, JsValue>,
    rawHyperparameters: raw,
    frameworkParams: toJs(frameworkParams) as Record<string, JsValue>,
    channelInputDirs: toJs(channelInputDirs) as Record<string, string>,
    inputDataConfig: toJs(inputDataConfig) as Record<string, ChannelConfig>,
    resourceConfig: toJs(resourceConfig) as Record<string, JsValue>,
    currentHost,
    hosts: [...hosts],
    masterHostname,
    isMaster: currentHost === masterHostname,
    distributionHosts,
    distributionInstanceGroups: Array.isArray(distributionInstanceGroups)
      ? distributionInstanceGroups.map((g) => pyStr(g))
      : [pyStr(distributionInstanceGroups)],
    currentInstanceType: pyStr(currentInstanceType),
    currentInstanceGroup: pyStr(currentInstanceGroup),
    currentInstanceGroupHosts: [...(currentInstanceGroupHosts as string[])],
    instanceGroups,
    instanceGroupsDict: toJs(instanceGroupsDict) as unknown as Record<string, InstanceGroup>,
    isHetero: instanceGroups.length > 1,
    networkInterfaceName: pyStr(networkInterfaceName),
    numCpus: cpus,
    numGpus: gpus,
    numNeurons: neurons,
    jobName,
    region,
    logLevel: toJs(logLevel),
    userEntryPoint: userEntryPoint === null ? null : pyStr(userEntryPoint),
    moduleName,
    moduleDir,
    frameworkModule,
    smEnv,
    userArgs,
  };
}
