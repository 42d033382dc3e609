import type { EntityManager } from 'typeorm';
import type { DbSession } from '../db-session';
import { ModelTask } from '../enum';
import { DbNotFoundError } from '../errors';
import type { ModelRow } from '../schema';
import { assertOneOf, insertIgnore } from './query-helpers';

export interface UpsertModelInput {
  name: string;
  team: string;
  task: ModelTask;
}

export async function upsertModel(s: DbSession, input: UpsertModelInput): Promise<ModelRow> {
  assertOneOf('task', input.task, Object.values(ModelTask));
  return s.tx(async (m) => {
    const now = new Date();
    await insertIgnore(m, s.entities.Model, { ...input, createdAt: now, updatedAt: now });
    const row = await m.findOneByOrFail(s.entities.Model, { name: input.name });
    if (row.team !== input.team || row.task !== input.task) {
      await m.update(
        s.entities.Model,
        { id: row.id },
        { team: input.team, task: input.task, updatedAt: now },
      );
      return { ...row, team: input.team, task: input.task, updatedAt: now };
    }
    return row;
  });
}

export async function getModel(s: DbSession, name: string): Promise<ModelRow | null> {
  return s.read((m) => m.findOneBy(s.entities.Model, { name }));
}

/** The model's id for a filter by name; null when the model is unknown (the filter then matches nothing). */
export async function modelIdFilter(
  s: DbSession,
  modelName: string | undefined,
): Promise<number | undefined | null> {
  if (modelName === undefined) return undefined;
  const model = await getModel(s, modelName);
  return model ? model.id : null;
}

/** Inside a transaction: the model row, or DbNotFoundError telling the caller to upsert it first. */
export async function requireModel(s: DbSession, m: EntityManager, name: string): Promise<ModelRow> {
  const model = await m.findOneBy(s.entities.Model, { name });
  if (!model) throw new DbNotFoundError(`Model "${name}" not found in ${s.target}; call upsertModel first`);
  return model;
}
