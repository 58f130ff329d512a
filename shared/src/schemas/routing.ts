/** Routing settings (issue 14): teams, agent skills and languages, topics, rules. */
import { z } from 'zod';
import * as c from './common.js';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes');
/** A BCP-47 primary language tag in lower case: 'en', 'zh' (no transform: the schema also serialises responses). */
const language = z.string().regex(/^[a-z]{2,3}$/, 'a primary language tag such as en or zh');
const word = c.label(40);
const topic = c.label(60);

export const team = z.object({
  id: slug,
  name: c.label(80),
  members: z.array(c.agentId).max(500),
  capacity: z.int().min(0).max(50).nullable().default(null),
});

export const agentRoutingProfile = z.object({
  agentId: c.agentId,
  skills: z.array(word).max(30).default([]),
  languages: z.array(language).max(20).default([]),
});

export const routingRule = z.object({
  topic: topic.nullable().default(null),
  language: language.nullable().default(null),
  tier: z.enum(['vip']).nullable().default(null),
  teamId: slug,
  skills: z.array(word).max(20).default([]),
  waitSeconds: z.int().min(0).max(86_400).default(60),
  // ---- issue 14 item 2: a minimum value (cart total) ----
  minValue: z.number().min(0).max(1_000_000_000).nullable().optional(),
});

export const routingSettingsBody = z
  .object({
    teams: z.array(team).max(50).default([]),
    agents: z.array(agentRoutingProfile).max(1000).default([]),
    topics: z.array(topic).max(20).default([]),
    rules: z.array(routingRule).max(100).default([]),
    vipTeamId: slug.nullable().default(null),
    lastAgentDays: z.int().min(0).max(90).default(3),
    // ---- issue 14 item 2: the bot as a topic source ----
    orderTopic: topic.nullable().optional(),
    topicKeywords: z.array(z.object({ topic, keywords: z.array(word).min(1).max(30) })).max(20).optional(),
  })
  .superRefine((s, ctx) => {
    const teams = new Set(s.teams.map((t) => t.id));
    if (teams.size !== s.teams.length) ctx.addIssue({ code: 'custom', path: ['teams'], message: 'team ids must be unique' });
    if (s.vipTeamId !== null && !teams.has(s.vipTeamId)) ctx.addIssue({ code: 'custom', path: ['vipTeamId'], message: 'no such team' });
    s.rules.forEach((r, i) => {
      if (!teams.has(r.teamId)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'teamId'], message: 'no such team' });
      if (r.topic !== null && !s.topics.includes(r.topic)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'topic'], message: 'not one of the topics' });
    });
    // issue 14 item 2: the bot's topics are the site's own.
    if (s.orderTopic != null && !s.topics.includes(s.orderTopic)) ctx.addIssue({ code: 'custom', path: ['orderTopic'], message: 'not one of the topics' });
    s.topicKeywords?.forEach((k, i) => {
      if (!s.topics.includes(k.topic)) ctx.addIssue({ code: 'custom', path: ['topicKeywords', i, 'topic'], message: 'not one of the topics' });
    });
  });

export const routingSettingsResponse = z.object({ settings: routingSettingsBody });

export const siteRoutingParams = z.object({ id: c.siteId });

/** An agent sets (or clears) a conversation's topic. */
export const conversationTopicBody = z.object({ topic: topic.nullable() });
export const conversationTopicParams = z.object({ id: c.conversationId });
export const conversationTopicResponse = z.object({ topic: topic.nullable() });

// ---- the shopper's topic choice (issue 14 item 2) ----
/**
 * On /visitor: the shopper picks one of the site's topics when the chat opens. Starts the
 * conversation if there is none yet (so the choice is stored before the first message routes it).
 */
export const topicVisitorSchemas = {
  'conversation:topic': z.object({ topic, locale: c.locale.optional() }),
};
export type TopicVisitorSchemas = typeof topicVisitorSchemas;
