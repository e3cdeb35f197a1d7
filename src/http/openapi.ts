// The OpenAPI 3.1 description of the public API, served at /api/openapi.json. Other areas add
// their paths to `openApiDocument.paths` (and schemas to components) in their own modules.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const problemList = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'message_th'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        message_th: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'message', 'message_th'],
            properties: {
              field: { type: 'string', examples: ['answers.I1.1'] },
              message: { type: 'string' },
              message_th: { type: 'string' },
            },
          },
        },
      },
    },
  },
} satisfies Json;

export const openApiDocument: {
  openapi: string;
  info: Record<string, Json>;
  servers: Json[];
  paths: Record<string, Json>;
  components: { schemas: Record<string, Json>; [k: string]: Json };
} = {
  openapi: '3.1.0',
  info: {
    title: 'Open ITAS API',
    version: '1.0.0',
    description:
      'Survey submissions for mobile apps and partners (anonymous: no name, address or time is stored with an answer), and the published results as JSON.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/surveys/{code}/{tool}': {
      post: {
        operationId: 'submitSurveyResponse',
        summary: 'Submit one IIT or EIT response through an agency’s survey link',
        description:
          'Idempotent on response_id: sending the same response_id again (with the same access code) returns the same 201 with created: false and stores nothing new. Send a fresh random (version 4) UUID for each respondent. Only Content-Type: application/json is accepted; requests a browser makes from another site are refused.',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description: 'The agency’s short survey code (the last part of /go/iit/{code})',
            schema: { type: 'string', pattern: '^[a-z0-9]{4,32}$' },
          },
          {
            name: 'tool',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['iit', 'eit', 'IIT', 'EIT'] },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/SurveySubmission' } },
          },
        },
        responses: {
          '201': {
            description:
              'Stored (created: true), or already stored with this response_id (created: false)',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/SurveyReceipt' } },
            },
          },
          '403': {
            description: 'Sent by a browser from another site (Origin or Sec-Fetch-Site)',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Problem' } },
            },
          },
          '404': { $ref: '#/components/responses/Problem' },
          '409': { $ref: '#/components/responses/Problem' },
          '415': {
            description: 'Content-Type is not application/json',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Problem' } },
            },
          },
          '422': { $ref: '#/components/responses/Problem' },
          '429': {
            description: 'Too many submissions from this network or through this link',
            headers: {
              'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
            },
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Problem' } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      SurveySubmission: {
        type: 'object',
        required: ['response_id', 'answers'],
        additionalProperties: false,
        properties: {
          response_id: {
            type: 'string',
            format: 'uuid',
            pattern:
              '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$',
            description:
              'A random (version 4) UUID chosen by the client; the idempotency key. v1 and v7 UUIDs carry a time and are refused.',
          },
          answers: {
            type: 'object',
            description:
              'Every sub-item of the tool: four-level items "1"–"4" as printed, yes/no items "Y" or "N"',
            propertyNames: { pattern: '^[IE]\\d+\\.\\d+$' },
            additionalProperties: { type: 'string', enum: ['1', '2', '3', '4', 'Y', 'N'] },
            examples: [{ 'I1.1': '4', 'I4.1': 'N' }],
          },
          demographics: {
            type: 'object',
            description: 'Option codes of the year’s demographic questions',
            properties: {
              gender: { type: 'string' },
              age_band: { type: 'string' },
              education: { type: 'string' },
              contact_type: { type: 'string', description: 'EIT only' },
            },
            additionalProperties: false,
          },
          access_code: {
            type: 'string',
            description: 'IIT single-use code, when the agency requires one',
          },
        },
      },
      SurveyReceipt: {
        type: 'object',
        required: ['response_id', 'created'],
        properties: {
          response_id: { type: 'string' },
          created: {
            type: 'boolean',
            description: 'false when this response_id was already stored (nothing new stored)',
          },
        },
      },
      Problem: problemList,
    },
    responses: {
      Problem: {
        description:
          'A refusal with a message in English and Thai (and per-field problems for 422)',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
  },
};
