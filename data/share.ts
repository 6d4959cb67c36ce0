// Donor share links: what a read-only link may show, and the record kept of it (never the token).
import { z } from 'zod';
import { LocaleSchema, PillarKeySchema } from './enums.ts';

export const SHARE_BREAKDOWNS = ['pillar', 'criterion', 'unit', 'response'] as const;
export const ShareBreakdown = z.enum(SHARE_BREAKDOWNS);

/** What a link shows. The Worker enforces it: hidden fields never leave it. */
export const ShareScope = z
  .object({
    /** Only these pillars' recommendations; empty: all. */
    pillars: z.array(PillarKeySchema).max(5).default([]),
    /** Which breakdowns (charts) the link shows. */
    breakdowns: z
      .array(ShareBreakdown)
      .min(1)
      .default([...SHARE_BREAKDOWNS]),
    /** Management response comments and monitoring comments (internal notes, off by default). */
    comments: z.boolean().default(false),
    /** Responsible and supporting unit names. */
    units: z.boolean().default(true),
  })
  .strict();
export type ShareScope = z.infer<typeof ShareScope>;

export const ShareLink = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/),
  label: z.string().min(1).max(120),
  matrix: z.string(),
  scope: ShareScope,
  /** The language the link opens in; null: the reader's browser language. */
  lang: LocaleSchema.nullable().default(null),
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ShareLink = z.infer<typeof ShareLink>;

export const ShareLinks = z.object({ schemaVersion: z.literal(1), links: z.array(ShareLink) });
export type ShareLinks = z.infer<typeof ShareLinks>;

export const DEFAULT_SHARE_DAYS = 30;
export const MAX_SHARE_DAYS = 365;

/** What an admin sends to create a link. */
export const NewShareLink = z
  .object({
    label: z.string().trim().min(1, 'Give the link a label (e.g. the donor’s name).').max(120),
    expiresInDays: z.number().int().min(1).max(MAX_SHARE_DAYS).default(DEFAULT_SHARE_DAYS),
    scope: ShareScope.default(ShareScope.parse({})),
    lang: LocaleSchema.nullable().default(null),
  })
  .strict();
