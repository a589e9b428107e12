import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../shared/model/workspace';
import { createEndpoint, EndpointSchema } from '../../../shared/model/workspace';
import { checkDraft, finishDraft } from './endpoint-draft';

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
