import { pickMachine, stateMachinesOf, type CfnTemplate } from '../src';
import { resolveIntrinsics, TemplateError } from '../src/template/cfn-intrinsics';
import { repositoryOf, taskImages } from '../src/template/task-images';
import { templateWith } from './support/fixtures';

describe('resolveIntrinsics', () => {
  const template: CfnTemplate = { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } };
  const resolve = (v: unknown) => resolveIntrinsics(v, template, 'where');

  it('evaluates Join, Ref, GetAtt, Select and Split; resources become local: tokens', () => {
    expect(
      resolve({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Bucket' }]] }),
    ).toBe('arn:aws:s3:::local:Bucket');
    expect(resolve({ 'Fn::GetAtt': ['Bucket', 'Arn'] })).toBe('local:Bucket.Arn');
    expect(resolve({ 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] })).toBe('b');
    expect(resolve({ nested: [{ Ref: 'AWS::Region' }] })).toEqual({ nested: ['local'] });
  });

  it.each([
    [{ Ref: 'Nope' }, /where: Ref to unknown resource "Nope"/],
    [{ 'Fn::GetAtt': ['Nope', 'Arn'] }, /Fn::GetAtt of unknown resource "Nope"/],
    [{ 'Fn::ImportValue': 'x' }, /intrinsic Fn::ImportValue is not supported/],
    [{ 'Fn::Select': [5, ['a']] }, /Fn::Select index 5/],
  ])('%j is a TemplateError naming it', (value, message) => {
    expect(() => resolve(value)).toThrow(TemplateError);
    expect(() => resolve(value)).toThrow(message);
  });
});

describe('stateMachinesOf / pickMachine', () => {
  const template: CfnTemplate = {
    Resources: {
      Topic: { Type: 'AWS::SNS::Topic' },
      Machine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: {
          StateMachineName: 'mlops-x-pipeline',
          DefinitionString: {
            'Fn::Join': [
              '',
              [
                '{"StartAt":"N","States":{"N":{"Type":"Task","Resource":"arn:',
                { Ref: 'AWS::Partition' },
                ':states:::sns:publish","Parameters":{"TopicArn":"',
                { Ref: 'Topic' },
                '"},"End":true}}}',
              ],
            ],
          },
        },
      },
    },
  };

  it('resolves each DefinitionString into ASL JSON', () => {
    const [m] = stateMachinesOf(template, 't.json');
    expect(m.name).toBe('mlops-x-pipeline');
    expect(m.definition.States.N).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: { TopicArn: 'local:Topic' },
      End: true,
    });
    expect(pickMachine([m], 'Machine', 't.json')).toBe(m);
  });

  it('names the machines there are when one is missing, and rejects what is not a template', () => {
    expect(() => pickMachine(stateMachinesOf(template, 't.json'), 'nope', 't.json')).toThrow(
      't.json: no state machine "nope" (there are: mlops-x-pipeline)',
    );
    expect(() => stateMachinesOf({} as CfnTemplate, 'x.json')).toThrow(
      'x.json: not a CloudFormation template',
    );
  });
});

describe('taskImages', () => {
  it('maps a family, an ARN or a token to the repository name with the local tag', () => {
    const t = templateWith(['training']);
    for (const ref of [
      'mlops-training',
      'arn:aws:ecs:r:1:task-definition/mlops-training:3',
      'local:Tasktraining',
    ])
      expect([...taskImages(t, ref, 'latest')]).toEqual([['batch', 'pipeline-training:latest']]);
  });

  it('a task definition the template does not have is an error naming it', () => {
    expect(() => taskImages(templateWith(['a']), 'mlops-b', 'latest')).toThrow(
      'TaskDefinition "mlops-b" is not a task definition of the template',
    );
  });

  it('repositoryOf drops registry, tag and digest', () => {
    expect(repositoryOf('1.dkr.ecr.r.amazonaws.com/pipeline-x:abc')).toBe('pipeline-x');
    expect(repositoryOf('reg:5000/team/container-iris@sha256:00')).toBe('container-iris');
  });
});
