import { restActions } from '@par/contracts';
import { buildOpenApi } from './build-openapi';

describe('buildOpenApi', () => {
  const doc = buildOpenApi({ serverUrl: '/', issuer: 'http://kc/realms/par-portal' }) as {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          parameters?: { name: string; in: string }[];
          requestBody?: unknown;
          responses: Record<string, unknown>;
        }
      >
    >;
  };

  it('is OpenAPI 3.1 and covers every REST route of the contracts', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const action of restActions) {
      const path = `/api${action.rest!.path}`.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[action.rest!.method.toLowerCase()];
      expect(op?.operationId).toBe(action.name);
    }
  });

  it('describes GET filters as query parameters and POST params as a JSON body', () => {
    const list = doc.paths['/api/units']!.get!;
    expect(list.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual([
      'query:q',
      'query:year',
      'query:unitGroup',
      'query:includeInactive',
      'query:limit',
      'query:offset',
    ]);
    const create = doc.paths['/api/units']!.post!;
    expect(create.requestBody).toBeDefined();
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '401', '403', '422']),
    );
  });
});
