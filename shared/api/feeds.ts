import { z } from 'zod';
import { ConnectionStateSchema, HeaderPairSchema } from '../model/connection-state';
import { RetryPolicySchema } from '../model/retry-policy';
import { LlmCustomProfileSchema, LlmProfileSettingSchema } from '../model/workspace';

/** Schemas of the feed commands and of the feed summary the renderer keeps. */

/** A request body larger than this is a mistake in a form, not a real SSE request. */
export const FEED_BODY_MAX_CHARS = 10 * 1024 * 1024;
export const FEED_HEADERS_MAX = 200;

export const FeedHeaderSchema = z
  .object({
    name: z.string().min(1).max(256),
    value: z.string().max(64 * 1024),
    secret: z.boolean().optional(),
  })
  .strict();

export const FeedOpenRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }),
    method: z.string().min(1).max(64).default('GET'),
    headers: z.array(FeedHeaderSchema).max(FEED_HEADERS_MAX).default([]),
    body: z.string().max(FEED_BODY_MAX_CHARS).nullable().optional(),
    lastEventId: z.string().max(4096).optional(),
    retry: RetryPolicySchema.optional(),
    connectTimeoutMs: z.number().int().min(0).max(600_000).optional(),
    idleTimeoutMs: z.number().int().min(0).max(3_600_000).optional(),
    workspace: z.string().max(200).optional(),
  })
  .strict();
export type FeedOpenRequest = z.input<typeof FeedOpenRequestSchema>;

export const FeedIdRequestSchema = z.object({ feedId: z.string().min(1).max(100) }).strict();

/**
 * A page's resume token (random, kept in the page's sessionStorage): feeds of a page that went
 * away within FEED_RESUME_GRACE_MS are handed to the page that presents the same token.
 */
export const FeedResumeRequestSchema = z.object({ token: z.string().min(16).max(128) }).strict();

export const FeedSummarySchema = z.object({
  feedId: z.string(),
  name: z.string(),
  method: z.string(),
  url: z.string(),
  state: ConnectionStateSchema,
  openedAt: z.number(),
  /** The NDJSON session log on disk (every entry, whatever the page dropped). */
  logFile: z.string().nullable(),
  /** The endpoint's LLM profile setting, for the merged view (absent = auto). */
  llm: z
    .object({
      setting: LlmProfileSettingSchema,
      custom: LlmCustomProfileSchema.optional(),
    })
    .optional(),
  /** A past session opened from its log: no connection, nothing to reconnect. */
  readOnly: z.boolean().optional(),
  /** The request headers as sent (secret values redacted), for the detail panel. */
  requestHeaders: z.array(HeaderPairSchema).optional(),
});
export type FeedSummary = z.infer<typeof FeedSummarySchema>;
