// The fixed vocabularies as zod enums, for the schemas that validate stored and fetched data.
import { z } from 'zod';
import { CRITERION_KEYS, LOCALES, PILLAR_KEYS, RESPONSE_KEYS, STATUS_KEYS } from './vocabulary.ts';

export const PillarKeySchema = z.enum(PILLAR_KEYS);
export const CriterionKeySchema = z.enum(CRITERION_KEYS);
export const ResponseKeySchema = z.enum(RESPONSE_KEYS);
export const StatusKeySchema = z.enum(STATUS_KEYS);
export const LocaleSchema = z.enum(LOCALES);
