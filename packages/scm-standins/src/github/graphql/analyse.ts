import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
  GraphQLNamedType,
} from 'graphql';

export const MAX_PAGE_SIZE = 100;
const MAX_NODE_COUNT = 500_000;

/** A GitHub-shaped GraphQL error. */
export interface GithubGraphqlError {
  type?: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  message: string;
}

export interface QueryAnalysis {
  /** Nodes the query may return at most (GitHub's nodeCount). */
  nodeCount: number;
  /** GitHub's rate-limit cost: connection requests / 100, at least 1. */
  cost: number;
  /** The largest `first`/`last` asked of any connection. */
  largestPage: number;
  /** Path and location of the connection with the largest page. */
  largestPageAt?: { path: string[]; field: FieldNode };
  errors: GithubGraphqlError[];
}

function location(field: FieldNode) {
  return field.loc
    ? [{ line: field.loc.startToken.line, column: field.loc.startToken.column }]
    : undefined;
}

function numberArgument(
  field: FieldNode,
  name: string,
  variables: Record<string, unknown>,
  operation: OperationDefinitionNode,
): number | undefined {
  const argument = field.arguments?.find(a => a.name.value === name);
  if (!argument) {
    return undefined;
  }
  return numberValue(argument.value, variables, operation);
}

function numberValue(
  value: ValueNode,
  variables: Record<string, unknown>,
  operation: OperationDefinitionNode,
): number | undefined {
  if (value.kind === Kind.INT) {
    return Number(value.value);
  }
  if (value.kind === Kind.VARIABLE) {
    const name = value.name.value;
    if (variables[name] !== undefined && variables[name] !== null) {
      return Number(variables[name]);
    }
    const definition = operation.variableDefinitions?.find(
      d => d.variable.name.value === name,
    );
    return definition?.defaultValue
      ? numberValue(definition.defaultValue, {}, operation)
      : undefined;
  }
  return undefined;
}

/**
 * Checks a validated operation the way GitHub does before executing it:
 * every connection needs `first` or `last` of at most 100, and the query may
 * not ask for more than 500,000 nodes. Also computes cost and node count.
 */
export function analyseQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryAnalysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const result: QueryAnalysis = {
    nodeCount: 0,
    cost: 0,
    largestPage: 0,
    errors: [],
  };
  let requests = 0;

  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | null | undefined,
    multiplier: number,
    path: string[],
    visitedFragments: Set<string>,
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        walk(selection.selectionSet, type, multiplier, path, visitedFragments);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !visitedFragments.has(name)) {
          walk(
            fragment.selectionSet,
            schema.getType(fragment.typeCondition.name.value),
            multiplier,
            path,
            new Set([...visitedFragments, name]),
          );
        }
        continue;
      }
      const name = selection.name.value;
      if (
        name.startsWith('__') ||
        !parentType ||
        !(isObjectType(parentType) || isInterfaceType(parentType))
      ) {
        continue;
      }
      const definition = parentType.getFields()[name];
      if (!definition) {
        continue;
      }
      const fieldType = getNamedType(definition.type);
      const fieldPath = [...path, selection.alias?.value ?? name];
      let childMultiplier = multiplier;
      const isConnection =
        fieldType.name.endsWith('Connection') &&
        definition.args.some(a => a.name === 'first');
      if (isConnection) {
        const first = numberArgument(selection, 'first', variables, operation);
        const last = numberArgument(selection, 'last', variables, operation);
        const size = first ?? last;
        const which = first !== undefined ? 'first' : 'last';
        if (size === undefined) {
          result.errors.push({
            type: 'MISSING_PAGINATION_BOUNDARIES',
            path: fieldPath,
            locations: location(selection),
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
          });
          continue;
        }
        if (size > MAX_PAGE_SIZE || size < 0) {
          result.errors.push({
            type: 'EXCESSIVE_PAGINATION',
            path: fieldPath,
            locations: location(selection),
            message:
              size < 0
                ? `\`${which}\` on the \`${name}\` connection cannot be less than zero.`
                : `Requesting ${size} records on the \`${name}\` connection exceeds the \`${which}\` limit of ${MAX_PAGE_SIZE} records.`,
          });
          continue;
        }
        requests += multiplier;
        childMultiplier = multiplier * Math.max(size, 1);
        result.nodeCount += multiplier * size;
        if (size > result.largestPage) {
          result.largestPage = size;
          result.largestPageAt = { path: fieldPath, field: selection };
        }
      }
      if (selection.selectionSet) {
        walk(
          selection.selectionSet,
          fieldType,
          childMultiplier,
          fieldPath,
          visitedFragments,
        );
      }
    }
  };

  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : schema.getQueryType();
  walk(operation.selectionSet, rootType, 1, [], new Set());

  if (result.nodeCount > MAX_NODE_COUNT && result.errors.length === 0) {
    result.errors.push({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      message: `This query requests up to ${result.nodeCount} possible nodes which exceeds the maximum limit of ${MAX_NODE_COUNT}.`,
    });
  }
  result.cost = Math.max(1, Math.round(requests / 100));
  return result;
}
