/** The merchant's look and proactive rules (issue 17, items 1 and 4): the admin's form body. */
import { z } from 'zod';
import { DEFAULT_LOOK, LOOK_LIMITS, type SiteLookSettings } from '../look/look.js';
import { plainLine } from './common.js';

const L = LOOK_LIMITS;
const px = z.int().min(0).max(L.offset);
const seconds = z.int().min(0).max(L.seconds);

/**
 * A path prefix (`/sale`) or a glob whose `*` stands for any run of characters (`/p/*-shoes`).
 * Only path characters: it is matched against `location.pathname + search` on the shop's page.
 */
export const urlPattern = z
  .string()
  .trim()
  .max(L.url)
  .regex(/^\/[\w\-./~%*?=&+:@!$,;]*$/, 'must be a path starting with /, with * as a wildcard');

export const siteLook = z.object({
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1d4ed8')
    .transform((c) => c.toLowerCase()),
  side: z.enum(['left', 'right']),
  x: px,
  y: px,
  label: z.object({ en: plainLine(L.label).optional(), zh: plainLine(L.label).optional() }).default({}),
  showAgent: z.boolean().default(DEFAULT_LOOK.showAgent),
});

const message = plainLine(L.message).min(1, 'must not be empty');

export const proactiveRule = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,24}$/, 'letters, digits and - only, up to 24'),
  seconds,
  pages: z.int().min(1).max(100).optional(),
  url: urlPattern.optional(),
  cart: z.object({ min: z.number().finite().min(0).max(1e9), idle: seconds }).optional(),
  message: z.object({ en: message, zh: message }),
});

export const proactiveSettings = z.object({
  rules: z
    .array(proactiveRule)
    .max(L.rules)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must differ'),
  capHours: z.int().min(1).max(L.capHours),
});

export const siteLookBody = z.object({ look: siteLook, proactive: proactiveSettings });
export const siteLookResponse: z.ZodType<SiteLookSettings> = z.object({
  look: z.object({
    color: z.string(),
    side: z.enum(['left', 'right']),
    x: z.number(),
    y: z.number(),
    label: z.object({ en: z.string().optional(), zh: z.string().optional() }),
    showAgent: z.boolean(),
  }),
  proactive: z.object({
    rules: z.array(
      z.object({
        id: z.string(),
        seconds: z.number(),
        pages: z.number().optional(),
        url: z.string().optional(),
        cart: z.object({ min: z.number(), idle: z.number() }).optional(),
        message: z.object({ en: z.string(), zh: z.string() }),
      }),
    ),
    capHours: z.number(),
  }),
});
