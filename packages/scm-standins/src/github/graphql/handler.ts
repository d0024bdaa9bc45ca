import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  DocumentNode,
} from 'graphql';
import {
  bearerToken,
  jsonResponse,
  RequestMeta,
  StandinRequest,
  StandinResponse,
} from '../../common/http';
import { FaultState } from '../../common/faults';
import { GithubFlavour } from '../flavour';
import { GithubModel } from '../model';
import { badCredentials, githubError } from '../responses';
import { GithubTokens } from '../tokens';
import { analyseQuery, GithubGraphqlError } from './analyse';
import { GithubTypedError } from './connection';
import { GraphqlContext, rootValue } from './resolvers';
import { githubSchema } from './schema';

export interface GraphqlHandlerDeps {
  model: GithubModel;
  tokens: GithubTokens;
  faults: FaultState;
  flavour: GithubFlavour;
  baseUrl: () => string;
}

const TIMEOUT_MESSAGE =
  'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `0000:0000:0000000:0000000:00000000` when reporting this issue.';

function formatError(error: GraphQLError): GithubGraphqlError {
  const typed =
    error.originalError instanceof GithubTypedError
      ? error.originalError.githubType
      : undefined;
  return {
    ...(typed ? { type: typed } : {}),
    path: error.path ? [...error.path] : undefined,
    locations: error.locations ? [...error.locations] : undefined,
    message: githubWording(error.message),
  };
}

/** GitHub words the most common validation error its own way. */
function githubWording(message: string): string {
  const match = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(
    message,
  );
  return match
    ? `Field '${match[1]}' doesn't exist on type '${match[2]}'`
    : message;
}

function firstRootField(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const first = definition.selectionSet.selections[0];
      return first?.kind === Kind.FIELD ? first.name.value : undefined;
    }
  }
  return undefined;
}

/** `POST /api/graphql`: parse, validate against GitHub's schema, check limits, execute. */
export function createGraphqlHandler(deps: GraphqlHandlerDeps) {
  return (request: StandinRequest, meta: RequestMeta): StandinResponse => {
    const caller = deps.tokens.resolve(bearerToken(request));
    if (!request.headers.authorization) {
      return githubError(
        401,
        'This endpoint requires you to be authenticated.',
      );
    }
    if (!caller) {
      return badCredentials();
    }

    let body: {
      query?: unknown;
      variables?: unknown;
      operationName?: unknown;
    };
    try {
      body = JSON.parse(request.body || '{}');
    } catch {
      return githubError(400, 'Problems parsing JSON');
    }
    if (typeof body.query !== 'string' || !body.query) {
      return jsonResponse(200, {
        errors: [
          {
            message:
              'A query attribute must be specified and must be a string.',
          },
        ],
      });
    }
    const variables =
      body.variables && typeof body.variables === 'object'
        ? (body.variables as Record<string, unknown>)
        : {};
    const operationName =
      typeof body.operationName === 'string' ? body.operationName : undefined;

    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      return jsonResponse(200, {
        errors: [formatError(error as GraphQLError)],
      });
    }
    const schema = githubSchema();
    const operation = getOperationAST(document, operationName);
    meta.operation = operation?.name?.value ?? firstRootField(document);
    const validationErrors = validate(schema, document);
    if (validationErrors.length) {
      return jsonResponse(200, { errors: validationErrors.map(formatError) });
    }
    if (!operation) {
      return jsonResponse(200, {
        errors: [{ message: 'An operation name is required' }],
      });
    }

    const analysis = analyseQuery(schema, document, operation, variables);
    meta.cost = analysis.cost;
    if (analysis.errors.length) {
      return jsonResponse(200, { errors: analysis.errors });
    }
    const timeoutAbove = deps.faults.timeoutAbove;
    if (timeoutAbove !== undefined && analysis.largestPage > timeoutAbove) {
      return jsonResponse(502, {
        data: null,
        errors: [{ message: TIMEOUT_MESSAGE }],
      });
    }
    const limitAbove = deps.faults.resourceLimitAbove;
    if (limitAbove !== undefined && analysis.largestPage > limitAbove) {
      const at = analysis.largestPageAt;
      return jsonResponse(200, {
        data: null,
        errors: [
          {
            type: 'RESOURCE_LIMITS_EXCEEDED',
            path: at?.path,
            locations: at?.field.loc
              ? [
                  {
                    line: at.field.loc.startToken.line,
                    column: at.field.loc.startToken.column,
                  },
                ]
              : undefined,
            message: 'Resource limits for this query exceeded.',
          },
        ],
      });
    }

    const context: GraphqlContext = {
      model: deps.model,
      baseUrl: deps.baseUrl(),
      viewer: caller.user,
      pages: 0,
      rateLimit: {
        cost: analysis.cost,
        nodeCount: analysis.nodeCount,
        ...deps.flavour.status('graphql', analysis.cost),
      },
    };
    const result = execute({
      schema,
      document,
      rootValue: rootValue(context),
      contextValue: context,
      variableValues: variables,
      operationName,
    });
    if ('then' in result) {
      throw new Error('resolvers must be synchronous');
    }
    meta.pages = context.pages;
    const answer: Record<string, unknown> = { data: result.data ?? null };
    if (result.errors?.length) {
      answer.errors = result.errors.map(formatError);
    }
    return jsonResponse(200, answer);
  };
}
