import { describe, expect, it } from 'vitest';
import { chatTokens } from '../../../electron/core/demo/routes/chat';
import { startJourney } from '../../support/journey';
import { fill, openApp, POLL, textsFor, useCleanup, VIEWERS } from '../../support/journeys/app';
import { chromiumAvailable } from '../support/chromium';

const NAME = 'Custom tokens';
const PROMPT = 'count my tokens';
/** The demo's `/chat` route: OpenAI-shaped chunks, read here through a custom JSON path. */
const PATH = '$.choices[0].delta.content';
const TERMINATOR = '[DONE]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.runIf(chromiumAvailable)('journey: an endpoint with its own LLM profile', () => {
  const closeAfter = useCleanup();

  for (const viewer of VIEWERS) {
    it(`creates a POST endpoint on the demo with a custom JSON path and no resuming, reopens it with both kept, and merges its stream with that profile (${viewer.locale}, ${viewer.colorScheme})`, async () => {
      const T = textsFor(viewer.locale);
      const app = closeAfter(await openApp(viewer));
      const { page } = app;
      const journey = startJourney(
        page,
        `endpoint llm profile ${viewer.locale} ${viewer.colorScheme}`,
      );
      const newEndpoint = page.getByRole('button', {
        name: T.workspaces.list.newEndpoint,
        exact: true,
      });

      await journey.step('the app opens on the Demo workspace', async () => {
        await newEndpoint.waitFor(POLL);
      });

      const editor = page.getByRole('dialog', { name: T.workspaces.editor.newTitle });
      await journey.step('create a POST endpoint on the demo chat route', async () => {
        await newEndpoint.click();
        await editor
          .getByRole('textbox', { name: T.workspaces.editor.name, exact: true })
          .fill(NAME);
        await editor.getByRole('combobox', { name: T.workspaces.editor.method }).fill('POST');
        await editor
          .getByRole('textbox', { name: T.workspaces.editor.url, exact: true })
          .fill('{{eventscope.demo}}/chat');
        await editor
          .getByRole('combobox', { name: T.workspaces.editor.bodyKind })
          .selectOption('json');
        await editor
          .getByRole('textbox', { name: T.workspaces.editor.bodyText })
          .fill(JSON.stringify({ prompt: PROMPT }));
      });

      await journey.step(
        'choose the custom profile: a path the parser rejects is refused, then a good one',
        async () => {
          await editor
            .getByRole('combobox', { name: T.llm.editor.profile })
            .selectOption({ label: T.llm.profiles.custom });
          const path = editor.getByRole('textbox', { name: T.llm.editor.jsonPath });
          await path.fill('choices.content');
          await editor.getByRole('button', { name: T.common.save }).click();
          await editor.getByText(T.llm.editor.invalidPath.split('{')[0]!).waitFor();
          await path.fill(PATH);
          await editor.getByRole('textbox', { name: T.llm.editor.terminator }).fill(TERMINATOR);
        },
      );

      await journey.step('never resume it after a break, then save', async () => {
        await editor
          .getByRole('combobox', { name: T.llm.editor.resume })
          .selectOption({ label: T.llm.editor.resumeModes.never });
        await editor.getByText(T.llm.editor.resumeHints.never).waitFor();
        await editor.getByRole('button', { name: T.common.save }).click();
        await editor.waitFor({ state: 'detached' });
      });

      await journey.step(
        'reopen it in Edit: the profile, path, terminator and rule are kept',
        async () => {
          await page
            .getByRole('button', { name: fill(T.workspaces.list.edit, { name: NAME }) })
            .click();
          const edit = page.getByRole('dialog', { name: T.workspaces.editor.editTitle });
          await edit.waitFor();
          expect(
            await edit.getByRole('combobox', { name: T.llm.editor.profile }).inputValue(),
          ).toBe('custom');
          expect(
            await edit.getByRole('textbox', { name: T.llm.editor.jsonPath }).inputValue(),
          ).toBe(PATH);
          expect(
            await edit.getByRole('textbox', { name: T.llm.editor.terminator }).inputValue(),
          ).toBe(TERMINATOR);
          expect(await edit.getByRole('combobox', { name: T.llm.editor.resume }).inputValue()).toBe(
            'never',
          );
        },
      );

      await journey.step('close the editor without changing anything', async () => {
        const edit = page.getByRole('dialog', { name: T.workspaces.editor.editTitle });
        await edit.getByRole('button', { name: T.common.cancel }).click();
        await edit.waitFor({ state: 'detached' });
      });

      await journey.step(
        'open it: the Merged tab reads the stream with the endpoint’s custom profile',
        async () => {
          await page
            .getByRole('button', { name: fill(T.workspaces.list.open, { name: NAME }) })
            .click();
          const pane = page.getByRole('region', { name: NAME, exact: true });
          await pane.getByRole('tab', { name: T.feed.tabs.merged }).click();
          const merged = pane.getByRole('region', { name: T.llm.mergedView.region });
          await expect
            .poll(
              () =>
                merged.getByRole('status', { name: T.llm.mergedView.statusLabel }).textContent(),
              { timeout: 30_000 },
            )
            .toBe(T.llm.mergedView.status.completed);
          // Which profile, and that it came from the endpoint rather than detection.
          await merged
            .getByText(
              new RegExp(
                `${escapeRegExp(T.llm.profiles.custom)}\\s*·\\s*${escapeRegExp(T.llm.mergedView.detectedBy.setting)}`,
              ),
            )
            .waitFor();
          // The tokens the demo server streamed, joined from the values at the JSON path.
          expect((await merged.getByLabel(T.llm.mergedView.text).textContent())?.trim()).toBe(
            chatTokens(PROMPT).join('').trim(),
          );
        },
      );
    });
  }
});
