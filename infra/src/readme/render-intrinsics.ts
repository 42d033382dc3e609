/**
 * Renders CloudFormation values as readable strings for the README and for assertions:
 * `{"Fn::GetAtt": ["BucketData05616C16", "Arn"]}` → `${BucketData.Arn}`, pseudo parameters → `${Account}`
 * and `${Region}` (partition `aws`), joins concatenated. Logical ids lose CDK's 8-hex hash suffix.
 */
export function renderValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renderValue);
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === 'Ref') return renderRef(String(o.Ref));
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
    const [id, attr] = o['Fn::GetAtt'] as [string, string];
    return `\${${stripHash(id)}.${attr}}`;
  }
  if (keys.length === 1 && keys[0] === 'Fn::Join') {
    const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => String(renderValue(p))).join(sep);
  }
  return Object.fromEntries(keys.map((k) => [k, renderValue(o[k])]));
}

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::AccountId': '${Account}',
  'AWS::Region': '${Region}',
};

const renderRef = (id: string): string => PSEUDO[id] ?? `\${${stripHash(id)}}`;
const stripHash = (id: string): string => id.replace(/[0-9A-F]{8}$/, '');
