// The data model: zod schemas and the types inferred from them. Everything imports from here.
export * from './enums.ts';
export * from './finding.ts';
export * from './history.ts';
export * from './query.ts';
export * from './recommendation.ts';
export * from './snapshot.ts';
export * from './summary.ts';
export * from './sync-log.ts';
export * from './vocabulary.ts';
