/**
 * Bad generator input (name, owner, existing model). Thrown before the generator touches the Tree, so
 * `nx g` prints the message, exits non-zero and writes nothing.
 */
export class GeneratorInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `Invalid input:\n- ${problems.join('\n- ')}`);
    this.name = 'GeneratorInputError';
  }
}
