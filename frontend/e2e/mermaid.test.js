// Browser tests of Mermaid diagrams in messages: a finished ```mermaid block is drawn as an SVG with
// its source a click away, a broken one shows its code and a short error, and the mermaid chunks are
// fetched only once a message has a diagram.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { askAndWait, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const me = () => suite.backend.state.users.find((u) => u.id === suite.session.id);

/** A signed-in page with the plain message box, recording the script files it fetches. */
async function openPage() {
  me().settings = { ui: { richTextInput: false } };
  const page = await pageFor(suite.browser, suite.backend, suite.session);
  const scripts = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.getByLabel('Message', { exact: true }).waitFor();
  return { page, scripts };
}

// Our drawing module (bundled with mermaid's core), mermaid's parser and its per-type diagram chunks.
const mermaidChunks = (scripts) => scripts.filter((s) => /mermaid|diagram/i.test(s));

describe('mermaid diagrams', () => {
  test('a chat without diagrams fetches no mermaid chunk; a diagram answer is drawn, its source a click away', async () => {
    const { page, scripts } = await openPage();
    await askAndWait(suite.backend, page, 'hello, some code please');
    const first = page.getByTestId('assistant-message').last();
    await first.locator('.code-block code', { hasText: 'def greet' }).waitFor();
    assert.ok(scripts.length > 0, 'the app scripts are seen');
    assert.deepEqual(mermaidChunks(scripts), []);

    await askAndWait(suite.backend, page, 'draw a diagram');
    const answer = page.getByTestId('assistant-message').last();
    const svg = answer.locator('.mermaid-diagram svg');
    await svg.waitFor();
    assert.match(await svg.textContent(), /Begin here/);
    assert.ok(mermaidChunks(scripts).length > 0, 'mermaid is fetched for the diagram');
    const code = answer.locator('.code-block code');
    assert.equal(await code.isVisible(), false);
    assert.match(await answer.textContent(), /That is all\./);

    await answer.getByRole('button', { name: 'Show code' }).click();
    await code.waitFor();
    assert.match(await code.textContent(), /Start\[Begin here\] --> Stop\[End here\]/);
    assert.equal(await svg.isVisible(), false);
    await answer.getByRole('button', { name: 'Show diagram' }).click();
    await svg.waitFor();
    await page.close();
  });

  test('a diagram that does not parse shows its code and a short error, the rest of the message intact', async () => {
    const { page } = await openPage();
    await askAndWait(suite.backend, page, 'a broken diagram please');
    const answer = page.getByTestId('assistant-message').last();
    const error = answer.getByRole('alert');
    await error.waitFor();
    assert.match(await error.textContent(), /^Diagram error: /);
    assert.ok((await error.textContent()).length < 200);
    assert.match(await answer.locator('.code-block code').textContent(), /graph TD\s+A -->/);
    assert.ok(await answer.locator('.code-block code').isVisible());
    assert.equal(await answer.locator('svg[id^="mermaid-"]').count(), 0);
    assert.match(await answer.textContent(), /Still readable\./);
    await page.close();
  });

  test("a diagram in the user's own message is drawn too", async () => {
    const { page } = await openPage();
    await askAndWait(suite.backend, page, '```mermaid\ngraph LR\n  U[Asked by me] --> V[Drawn]\n```');
    const mine = page.getByTestId('user-message').last();
    const svg = mine.locator('.mermaid-diagram svg');
    await svg.waitFor();
    assert.match(await svg.textContent(), /Asked by me/);
    await page.close();
  });
});
