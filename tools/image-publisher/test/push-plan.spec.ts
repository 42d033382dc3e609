import { GitState } from '../src/git-state';
import { DIRTY_LABEL, LocalImage, REVISION_LABEL } from '../src/image-labels';
import { planPush, PushRefusedError } from '../src/push-plan';

const sha = 'a'.repeat(8) + 'b'.repeat(32);
const clean: GitState = { sha, shortSha: sha.slice(0, 12), dirty: false };
const image = (labels: Record<string, string>): LocalImage => ({
  ref: 'container-iris:latest',
  id: 'sha256:x',
  labels,
});
const built = image({ [REVISION_LABEL]: sha, [DIRTY_LABEL]: 'false' });

describe('planPush', () => {
  it('tags with the short commit SHA, plus the moving tag when asked', () => {
    const plan = planPush(
      { project: 'container-iris', registry: '127.0.0.1:5000', movingTag: 'latest' },
      built,
      clean,
    );
    expect(plan.source).toBe('container-iris:latest');
    expect(plan.refs).toEqual([
      `127.0.0.1:5000/container-iris:${sha.slice(0, 12)}`,
      '127.0.0.1:5000/container-iris:latest',
    ]);
  });

  it('puts the repository under a prefix (ECR namespace)', () => {
    const plan = planPush(
      {
        project: 'container-iris',
        registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
        repositoryPrefix: 'mlops/',
      },
      built,
      clean,
    );
    expect(plan.immutableRef).toBe(
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/mlops/container-iris:${sha.slice(0, 12)}`,
    );
  });

  it('refuses a dirty working tree', () => {
    expect(() => planPush({ project: 'p', registry: 'r:1' }, built, { ...clean, dirty: true })).toThrow(
      /working tree is dirty/,
    );
  });

  it('refuses an image built from a dirty tree', () => {
    const dirty = image({ [REVISION_LABEL]: sha, [DIRTY_LABEL]: 'true' });
    expect(() => planPush({ project: 'p', registry: 'r:1' }, dirty, clean)).toThrow(
      /built from a dirty tree/,
    );
  });

  it('refuses an image without provenance labels', () => {
    expect(() => planPush({ project: 'p', registry: 'r:1' }, image({}), clean)).toThrow(PushRefusedError);
  });

  it('refuses an image built from another commit', () => {
    const old = image({ [REVISION_LABEL]: 'c'.repeat(40), [DIRTY_LABEL]: 'false' });
    expect(() => planPush({ project: 'p', registry: 'r:1' }, old, clean)).toThrow(
      /built from c{40}, HEAD is/,
    );
  });

  it('refuses a missing image, naming the build command', () => {
    expect(() => planPush({ project: 'container-iris', registry: 'r:1' }, undefined, clean)).toThrow(
      /nx run container-iris:docker:build/,
    );
  });

  it.each([
    ['registry', { registry: 'http://x' }, /invalid registry/],
    ['prefix', { registry: 'r:1', repositoryPrefix: 'Bad Prefix/' }, /invalid repository prefix/],
    ['moving tag', { registry: 'r:1', movingTag: '-bad' }, /invalid tag/],
  ])('rejects an invalid %s', (_what, req, message) => {
    expect(() => planPush({ project: 'p', ...(req as { registry: string }) }, built, clean)).toThrow(message);
  });
});
