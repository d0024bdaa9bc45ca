import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  extendSchema,
  GraphQLSchema,
  IntrospectionQuery,
  parse,
} from 'graphql';

/**
 * GitHub Enterprise Server has fields github.com's published schema lacks;
 * the stand-in is GHE-style, so it adds the ones our sources use.
 */
const ENTERPRISE_EXTENSIONS = `
  extend type User {
    "When the user was suspended (GitHub Enterprise Server)."
    suspendedAt: DateTime
  }
`;

let cached: GraphQLSchema | undefined;

/**
 * `@octokit/graphql-schema` is ESM-only with an `exports` map that hides
 * `schema.json`, so the file is found through the module search paths.
 */
function schemaJsonPath(): string {
  const paths = require.resolve.paths('@octokit/graphql-schema') ?? [];
  for (const base of paths) {
    const candidate = join(base, '@octokit', 'graphql-schema', 'schema.json');
    if (existsSync(candidate)) {
      return candidate;
    }
  }
  throw new Error('@octokit/graphql-schema/schema.json not found');
}

/**
 * GitHub's published GraphQL schema (plus the Enterprise fields above),
 * built once per process (about 150 ms).
 */
export function githubSchema(): GraphQLSchema {
  if (!cached) {
    const raw = JSON.parse(readFileSync(schemaJsonPath(), 'utf8'));
    const introspection: IntrospectionQuery = raw.data ?? raw;
    cached = extendSchema(
      buildClientSchema(introspection),
      parse(ENTERPRISE_EXTENSIONS),
      { assumeValidSDL: true },
    );
  }
  return cached;
}
