/** The template cannot be read as the local run needs it (bad input: exit 2, nothing ran). */
export class TemplateError extends Error {}

/** A CloudFormation template as `cdk synth` writes it (only what the local run reads). */
export interface CfnTemplate {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

/** Values of the pseudo parameters locally: no account, no region. */
const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'local',
  'AWS::AccountId': '000000000000',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'local',
};

/** What a `Ref` to a resource becomes locally: `local:<LogicalId>`; `Fn::GetAtt` adds `.<Attribute>`. */
export const localRef = (logicalId: string, attribute?: string): string =>
  `local:${logicalId}${attribute ? `.${attribute}` : ''}`;

/** The logical id behind a `local:<id>[.<attr>]` token, or undefined when `value` is not one. */
export function logicalIdOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('local:')) return undefined;
  return value.slice('local:'.length).split('.')[0];
}

/**
 * Evaluates the intrinsic functions CDK emits in the values the local run needs (`Fn::Join`, `Ref`,
 * `Fn::GetAtt`, `Fn::Select`, `Fn::Split`) into plain JSON. Resources become `local:` tokens that the
 * task handlers map to local equivalents; anything else is an error naming `where`.
 */
export function resolveIntrinsics(value: unknown, template: CfnTemplate, where: string): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveIntrinsics(v, template, where));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && (entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::'))) {
    const [fn, arg] = entries[0];
    return evaluate(fn, arg, template, where);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveIntrinsics(v, template, where)]));
}

function evaluate(fn: string, arg: unknown, template: CfnTemplate, where: string): unknown {
  const str = (v: unknown): string => {
    const r = resolveIntrinsics(v, template, where);
    if (typeof r !== 'string')
      throw new TemplateError(`${where}: ${fn} expects strings, got ${JSON.stringify(r)}`);
    return r;
  };
  switch (fn) {
    case 'Ref': {
      const name = String(arg);
      if (PSEUDO[name] !== undefined) return PSEUDO[name];
      if (!template.Resources[name]) throw new TemplateError(`${where}: Ref to unknown resource "${name}"`);
      return localRef(name);
    }
    case 'Fn::GetAtt': {
      const [id, attr] = Array.isArray(arg) ? arg : String(arg).split('.');
      if (!template.Resources[String(id)])
        throw new TemplateError(`${where}: Fn::GetAtt of unknown resource "${id}"`);
      return localRef(String(id), String(attr));
    }
    case 'Fn::Join': {
      const [sep, parts] = arg as [string, unknown[]];
      return (resolveIntrinsics(parts, template, where) as unknown[]).map((p) => str(p)).join(sep);
    }
    case 'Fn::Split': {
      const [sep, source] = arg as [string, unknown];
      return str(source).split(sep);
    }
    case 'Fn::Select': {
      const [index, list] = arg as [unknown, unknown];
      const items = resolveIntrinsics(list, template, where);
      const i = Number(resolveIntrinsics(index, template, where));
      if (!Array.isArray(items) || !(i in items))
        throw new TemplateError(`${where}: Fn::Select index ${i} out of ${JSON.stringify(items)}`);
      return items[i];
    }
    default:
      throw new TemplateError(`${where}: intrinsic ${fn} is not supported by the local run`);
  }
}
