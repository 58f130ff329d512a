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
});

export const routingSettingsBody = z
  .object({
    teams: z.array(team).max(50).default([]),
    agents: z.array(agentRoutingProfile).max(1000).default([]),
    topics: z.array(topic).max(20).default([]),
    rules: z.array(routingRule).max(100).default([]),
    vipTeamId: slug.nullable().default(null),
    lastAgentDays: z.int().min(0).max(90).default(3),
  })
  .superRefine((s, ctx) => {
    const teams = new Set(s.teams.map((t) => t.id));
    if (teams.size !== s.teams.length) ctx.addIssue({ code: 'custom', path: ['teams'], message: 'team ids must be unique' });
    if (s.vipTeamId !== null && !teams.has(s.vipTeamId)) ctx.addIssue({ code: 'custom', path: ['vipTeamId'], message: 'no such team' });
    s.rules.forEach((r, i) => {
      if (!teams.has(r.teamId)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'teamId'], message: 'no such team' });
      if (r.topic !== null && !s.topics.includes(r.topic)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'topic'], message: 'not one of the topics' });
    });
  });

export const routingSettingsResponse = z.object({ settings: routingSettingsBody });

export const siteRoutingParams = z.object({ id: c.siteId });

/** An agent sets (or clears) a conversation's topic. */
export const conversationTopicBody = z.object({ topic: topic.nullable() });
export const conversationTopicParams = z.object({ id: c.conversationId });
export const conversationTopicResponse = z.object({ topic: topic.nullable() });
