import type { Permission } from '@backstage/plugin-permission-common';
import type { RuleTarget } from '../config/schema';

/**
 * How specific a rule's match is. Higher ranks win; the label is what an
 * explanation shows.
 */
export type Specificity = { rank: number; label: string };

/** One selector of a rule (a rule listing three names has three). */
export type Matcher = {
  /** The selector as written, for explanations, e.g. `catalog.entity.*`. */
  text: string;
  match(permission: Permission): Specificity | undefined;
};

// Ranks: exact name > wildcard name (more literal characters first) >
// resource type + action > resource type or action > everything.
const EXACT = 4000;
const WILDCARD = 3000;
const TYPE_AND_ACTION = 2000;
const TYPE_OR_ACTION = 1000;
const EVERYTHING = 0;

function nameMatcher(pattern: string): Matcher {
  if (pattern === '*') {
    const specificity = { rank: EVERYTHING, label: 'everything (*)' };
    return { text: pattern, match: () => specificity };
  }
  if (!pattern.includes('*')) {
    const specificity = { rank: EXACT, label: 'exact name' };
    return {
      text: pattern,
      match: p => (p.name === pattern ? specificity : undefined),
    };
  }
  const literal = pattern.replace(/\*/g, '').length;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
      .join('.*')}$`,
  );
  const specificity = {
    rank: WILDCARD + literal,
    label: `wildcard (${literal} literal characters)`,
  };
  return {
    text: pattern,
    match: p => (regex.test(p.name) ? specificity : undefined),
  };
}

function selectorMatcher(selector: {
  resourceType?: string;
  actions?: string[];
}): Matcher {
  const { resourceType, actions } = selector;
  const both = resourceType !== undefined && actions !== undefined;
  const specificity = both
    ? { rank: TYPE_AND_ACTION, label: 'resource type and action' }
    : {
        rank: TYPE_OR_ACTION,
        label: resourceType !== undefined ? 'resource type' : 'action',
      };
  const parts = [
    resourceType !== undefined ? `resourceType=${resourceType}` : undefined,
    actions !== undefined ? `actions=${actions.join('|')}` : undefined,
  ].filter(Boolean);
  return {
    text: `{${parts.join(', ')}}`,
    match(p) {
      if (resourceType !== undefined) {
        if (p.type !== 'resource' || p.resourceType !== resourceType) {
          return undefined;
        }
      }
      if (actions !== undefined) {
        const action = p.attributes.action;
        if (!action || !actions.includes(action)) return undefined;
      }
      return specificity;
    },
  };
}

/** Turns the target of a rule into its matchers. */
export function compileTarget(target: RuleTarget): Matcher[] {
  if (typeof target === 'string') return [nameMatcher(target)];
  if (Array.isArray(target)) return target.map(nameMatcher);
  return [selectorMatcher(target)];
}
