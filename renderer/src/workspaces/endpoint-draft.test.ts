import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../shared/model/workspace';
import { createEndpoint, EndpointSchema } from '../../../shared/model/workspace';
import { checkDraft, finishDraft, jsonProblem } from './endpoint-draft';

function endpoint(extra: Partial<Endpoint>): Endpoint {
  return {
    ...createEndpoint({ name: 'E', url: 'http://127.0.0.1:1/e', method: 'POST' }),
    ...extra,
  };
}

describe('the LLM settings of an endpoint draft', () => {
  it('accepts every path form the custom profile reads and rejects the ones it cannot', () => {
    for (const path of ['$.token', "$['out'][0].t", '$.choices[*].delta.content']) {
      expect(checkDraft(endpoint({ llmProfile: 'custom', llmCustom: { path } }), [])).toEqual([]);
    }
    const [problem] = checkDraft(
      endpoint({ llmProfile: 'custom', llmCustom: { path: '$.a[' } }),
      [],
    );
    expect(problem).toMatchObject({ field: 'llm', code: 'invalid-json-path' });
    expect(checkDraft(endpoint({ llmProfile: 'custom' }), [])).toEqual([
      { field: 'llm', code: 'required' },
    ]);
  });

  it('does not check the path of a profile other than custom', () => {
    expect(
      checkDraft(endpoint({ llmProfile: 'gemini', llmCustom: { path: 'not a path' } }), []),
    ).toEqual([]);
  });

  it('saves what the workspace schema accepts: auto left out, an empty path or terminator dropped', () => {
    const done = finishDraft(
      endpoint({
        llmProfile: 'auto',
        resume: 'auto',
        llmCustom: { path: '  $.token ', terminator: '' },
      }),
    );
    expect('llmProfile' in done || 'resume' in done).toBe(false);
    expect(done.llmCustom).toEqual({ path: '$.token' });
    expect(EndpointSchema.safeParse(done).success).toBe(true);

    const blank = finishDraft(endpoint({ llmProfile: 'none', llmCustom: { path: ' ' } }));
    expect(blank.llmCustom).toBeUndefined();
    expect(blank.llmProfile).toBe('none');
    expect(EndpointSchema.safeParse(blank).success).toBe(true);
  });
});

describe('where a JSON body stops parsing', () => {
  it('names the line and column of a wrong character', () => {
    expect(jsonProblem('{\n  "a": }')).toEqual({ type: 'at', line: 2, column: 8 });
  });

  it('says a body that ends too early ends too early', () => {
    expect(jsonProblem('{"a": [1, 2')).toEqual({ type: 'end' });
  });

  it('accepts placeholders that stand for a value', () => {
    expect(jsonProblem('{"n": {{count}}, "s": "{{name}}"}')).toBeNull();
  });
});

describe('why a JSON path cannot be read', () => {
  it('gives the kind of problem and the character where reading stopped', () => {
    const cases: Array<[string, string, number]> = [
      ['token', 'no-root', 1],
      ['$.', 'name-expected', 3],
      ['$.a[', 'unclosed-bracket', 4],
      ['$[x]', 'unreadable-bracket', 2],
      ['$a', 'unexpected-character', 2],
    ];
    for (const [path, problem, column] of cases) {
      const [found] = checkDraft(endpoint({ llmProfile: 'custom', llmCustom: { path } }), []);
      expect(found, path).toEqual({ field: 'llm', code: 'invalid-json-path', problem, column });
    }
  });
});
