import { CfnTemplate, resolveIntrinsics, TemplateError } from './cfn-intrinsics';

/** An ASL definition, as JSON. */
export type AslDefinition = Record<string, unknown> & { StartAt: string; States: Record<string, AslState> };
export type AslState = Record<string, unknown> & { Type: string };

export interface SynthesizedMachine {
  /** `StateMachineName`, e.g. `mlops-dev-pipeline` (else the logical id). */
  name: string;
  logicalId: string;
  definition: AslDefinition;
}

/**
 * Every `AWS::StepFunctions::StateMachine` of a synthesized template with its definition resolved:
 * the `DefinitionString` (an `Fn::Join` of JSON text and resource tokens) becomes plain ASL JSON with
 * `local:<LogicalId>` where a resource was referenced.
 */
export function stateMachinesOf(template: CfnTemplate, file: string): SynthesizedMachine[] {
  if (!template || typeof template !== 'object' || typeof template.Resources !== 'object')
    throw new TemplateError(`${file}: not a CloudFormation template (no Resources)`);
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine')
    .map(([logicalId, r]) => {
      const where = `${file}: ${logicalId}.DefinitionString`;
      const props = r.Properties ?? {};
      const text = resolveIntrinsics(props.DefinitionString, template, where);
      if (typeof text !== 'string') throw new TemplateError(`${where}: expected a JSON string`);
      let definition: AslDefinition;
      try {
        definition = JSON.parse(text) as AslDefinition;
      } catch (err) {
        throw new TemplateError(`${where}: not JSON after resolving tokens (${(err as Error).message})`);
      }
      const name = typeof props.StateMachineName === 'string' ? props.StateMachineName : logicalId;
      return { name, logicalId, definition };
    });
}

/** The machine called `name`; the error lists the names there are. */
export function pickMachine(machines: SynthesizedMachine[], name: string, file: string): SynthesizedMachine {
  const found = machines.find((m) => m.name === name || m.logicalId === name);
  if (!found)
    throw new TemplateError(
      `${file}: no state machine "${name}" (there are: ${machines.map((m) => m.name).join(', ') || 'none'})`,
    );
  return found;
}

/** Every state of a definition, including those inside Map (ItemProcessor/Iterator) and Parallel branches. */
export function allStates(definition: AslDefinition): [string, AslState][] {
  const out: [string, AslState][] = [];
  const walk = (d: { States?: Record<string, AslState> }) => {
    for (const [name, state] of Object.entries(d.States ?? {})) {
      out.push([name, state]);
      for (const inner of [state.ItemProcessor, state.Iterator]) if (inner) walk(inner as AslDefinition);
      for (const branch of (state.Branches as AslDefinition[] | undefined) ?? []) walk(branch);
    }
  };
  walk(definition);
  return out;
}
