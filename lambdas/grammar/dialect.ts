/**
 * The spelling a correction keeps and writes follows the speaker's language: Transcribe spells an
 * en-GB transcript "colour" and "organise", and correcting those to "color" and "organize" would
 * be an edit the speaker never needed. Languages with no entry (en-US, or none given) are American.
 */
export type Dialect = 'american' | 'british' | 'australian';

const DIALECTS: ReadonlyMap<string, Dialect> = new Map([
  ['en-GB', 'british'],
  ['en-IE', 'british'],
  ['en-IN', 'british'],
  ['en-NZ', 'british'],
  ['en-ZA', 'british'],
  ['en-AU', 'australian'],
]);

export const dialectOf = (language?: string): Dialect => (language && DIALECTS.get(language)) || 'american';
