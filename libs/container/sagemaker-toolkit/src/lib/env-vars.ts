/**
 * `Environment.to_env_vars()`: which properties become SM_* variables, in the toolkit's order
 * (order matters only when names collide after upper-casing: the later one wins).
 */
import { toEnvVars } from './mapping';
import { PyDict, PyValue, pyTruthy, sortedKeys } from './py-value';

/** Builds SM_* from the 37 Environment properties and the CLI args. */
export function buildTrainingEnvVars(props: PyDict, userArgs: string[]): Record<string, string> {
  const p = (k: string) => props.get(k) as PyValue;
  const channels = props.get('channel_input_dirs') as PyDict;
  const hps = props.get('hyperparameters') as PyDict;
  const env: PyDict = new Map<string, PyValue>([
    ['hosts', p('hosts')],
    ['network_interface_name', p('network_interface_name')],
    ['hps', hps],
    ['user_entry_point', p('user_entry_point')],
    ['framework_params', p('additional_framework_parameters')],
    ['resource_config', p('resource_config')],
    ['input_data_config', p('input_data_config')],
    ['output_data_dir', p('output_data_dir')],
    ['channels', sortedKeys(channels)],
    ['current_host', p('current_host')],
    ['current_instance_type', p('current_instance_type')],
    ['current_instance_group', p('current_instance_group')],
    ['current_instance_group_hosts', p('current_instance_group_hosts')],
    ['instance_groups', p('instance_groups')],
    ['instance_groups_dict', p('instance_groups_dict')],
    ['distribution_instance_groups', p('distribution_instance_groups')],
    ['is_hetero', p('is_hetero')],
    ['module_name', p('module_name')],
    ['log_level', p('log_level')],
    ['framework_module', p('framework_module')],
    ['input_dir', p('input_dir')],
    ['input_config_dir', p('input_config_dir')],
    ['output_dir', p('output_dir')],
    ['num_cpus', p('num_cpus')],
    ['num_gpus', p('num_gpus')],
    ['num_neurons', p('num_neurons')],
    ['model_dir', p('model_dir')],
    ['module_dir', p('module_dir')],
    ['training_env', props],
    ['user_args', userArgs],
    ['output_intermediate_dir', p('output_intermediate_dir')],
  ]);
  // SM_TOPOLOGY only when truthy, so `"topology": null` and [] are skipped.
  if (pyTruthy(props.get('topology'))) env.set('topology', p('topology'));
  for (const [name, dir] of channels) env.set(`channel_${name}`, dir);
  for (const [key, value] of hps) env.set(`hp_${key}`, value);
  return toEnvVars(env);
}
