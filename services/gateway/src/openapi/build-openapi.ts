/** Writes the OpenAPI 3.1 document of every REST route from the contracts. */
import { z } from 'zod';
import { errorCodes, restActions, type ActionContract } from '@par/contracts';

type JsonSchema = Record<string, unknown>;

export function buildOpenApi(options: { serverUrl: string; issuer: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const action of restActions) {
    const rest = action.rest!;
    const path = `/api${rest.path}`.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][rest.method.toLowerCase()] = operation(action);
  }
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'gateway.openapi',
      summary: 'This document',
      security: [],
      responses: { '200': { description: 'OpenAPI 3.1 document' } },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'PAR Index Portal API', version: '0.1.0' },
    servers: [{ url: options.serverUrl }],
    security: [{ keycloak: [] }],
    paths,
    components: {
      securitySchemes: {
        keycloak: {
          type: 'openIdConnect',
          openIdConnectUrl: `${options.issuer}/.well-known/openid-configuration`,
        },
      },
      schemas: { ApiError: apiErrorSchema },
    },
  };
}

function operation(action: ActionContract): JsonSchema {
  const rest = action.rest!;
  const input = toSchema(action.params, 'input');
  const hasBody = rest.method !== 'GET' && rest.method !== 'DELETE';
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  const pathNames = [...rest.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const parameters = Object.entries(properties)
    .filter(([name]) => !hasBody || pathNames.includes(name))
    .map(([name, schema]) => ({
      name,
      in: pathNames.includes(name) ? 'path' : 'query',
      required: pathNames.includes(name) || required.has(name),
      schema,
    }));
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
  });
  return {
    operationId: action.name,
    summary: action.summary,
    description: rest.public
      ? 'Anyone, without login (limited per address).'
      : action.roles === 'authenticated'
        ? 'Any logged-in user.'
        : `Roles allowed: ${action.roles.join(', ')}.`,
    ...(rest.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(hasBody
      ? { requestBody: { required: true, content: { 'application/json': { schema: input } } } }
      : {}),
    responses: {
      [String(rest.status ?? 200)]: {
        description: 'Success',
        content: { 'application/json': { schema: toSchema(action.result, 'output') } },
      },
      ...(rest.public
        ? { '429': error('Too many requests from this address') }
        : {
            '401': error('Missing, expired or invalid access token'),
            '403': error('The caller lacks a required role'),
          }),
      ...(Object.keys(properties).length ? { '422': error('A parameter is not valid') } : {}),
      '503': error('The service behind this route is unavailable'),
    },
  };
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

const apiErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'retryable'],
      properties: {
        code: { type: 'string', enum: [...errorCodes] },
        message: { type: 'string', description: 'Vietnamese (or English) text saying what to do' },
        field: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'message'],
            properties: { field: { type: 'string' }, message: { type: 'string' } },
          },
        },
        requestId: { type: 'string' },
        retryable: { type: 'boolean' },
      },
    },
  },
};
