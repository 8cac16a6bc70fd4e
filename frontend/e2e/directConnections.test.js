// Browser test of direct connections: the admin's switch offers Settings › Connections; the user's own
// endpoint (a fake OpenAI server on loopback, allowing the site by CORS) is verified, saved in
// `ui.directConnections` in the stock shape, its models join the picker, and a message to one of them is
// answered by this browser calling the endpoint and streaming the answer back on the request's channel.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();
const ui = () => suite.backend.state.users.find((u) => u.id === suite.session.id).settings?.ui ?? {};
let endpoint;
let endpointUrl;
const asked = [];

before(async () => {
  endpoint = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization, Content-Type' };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    if (req.headers.authorization !== 'Bearer sk-mine') return res.writeHead(401, { ...cors, 'Content-Type': 'application/json' }).end('{"error":{"message":"bad key"}}');
    if (req.url === '/v1/models') return res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ data: [{ id: 'gpt-mine' }, { id: 'gpt-spare' }] }));
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      asked.push(JSON.parse(body));
      res.socket.setNoDelay(true);
      res.writeHead(200, { ...cors, 'Content-Type': 'text/event-stream' });
      const chunk = (content) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
      res.write(chunk('Straight from '));
      // a line cut in two network writes is still sent whole
      const cut = chunk('your endpoint.');
      res.write(cut.slice(0, 20));
      setTimeout(() => res.end(cut.slice(20) + 'data: [DONE]\n\n'), 50);
    });
  });
  await new Promise((r) => endpoint.listen(0, '127.0.0.1', r));
  endpointUrl = `http://127.0.0.1:${endpoint.address().port}/v1`;
});

after(() => endpoint?.close());

describe('direct connections', () => {
  test('switched on by the admin, added and verified in Settings, listed and answered by this browser', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const openSettings = async () => {
      await page.getByRole('button', { name: 'Ada Admin' }).click();
      await page.getByRole('menuitem', { name: 'Settings' }).click();
      return page.getByRole('dialog', { name: 'Settings' });
    };
    let dialog = await openSettings();
    await dialog.getByRole('tab', { name: 'General' }).waitFor();
    assert.equal(await dialog.getByRole('tab', { name: 'Connections' }).count(), 0, 'no tab while the admin has not allowed them');
    await page.keyboard.press('Escape');

    await page.goto(`${suite.backend.url}/admin`);
    await page.getByRole('tab', { name: 'Connections' }).click();
    await page.getByLabel('Direct Connections').check();
    await eventually(() => suite.backend.state.connectionsConfig.ENABLE_DIRECT_CONNECTIONS === true, 'the switch to be saved');
    await page.goto(`${suite.backend.url}/`);
    await page.getByRole('button', { name: 'New Chat', exact: true }).waitFor();

    dialog = await openSettings();
    await dialog.getByRole('tab', { name: 'Connections' }).click();
    const form = dialog.getByRole('form', { name: 'Add connection' });
    await form.getByLabel('URL').fill(endpointUrl);
    await form.getByLabel('Key').fill('sk-wrong');
    await form.getByRole('button', { name: 'Verify' }).click();
    await dialog.getByText(/answered HTTP 401/).waitFor();
    await form.getByLabel('Key').fill('sk-mine');
    await form.getByRole('button', { name: 'Verify' }).click();
    await dialog.getByText('Connection verified: 2 models').waitFor();
    await form.getByLabel('Prefix ID').fill('mine');
    await form.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Connection added').waitFor();
    assert.deepEqual(ui().directConnections, {
      OPENAI_API_BASE_URLS: [endpointUrl], OPENAI_API_KEYS: ['sk-mine'], OPENAI_API_CONFIGS: { 0: { enable: true, prefix_id: 'mine' } }
    });
    await dialog.getByRole('group', { name: 'Your connection 1' }).getByText(endpointUrl).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Select a model' }).click();
    await page.getByRole('option', { name: /gpt-spare/ }).waitFor();
    await page.getByRole('option', { name: /gpt-mine/ }).click();
    await page.getByLabel('Message', { exact: true }).fill('who answers?');
    await page.keyboard.press('Enter');
    await page.getByTestId('assistant-message').getByText('Straight from your endpoint.').waitFor();
    const sent = suite.backend.state.lastCompletion;
    assert.equal(sent.model, 'mine.gpt-mine');
    assert.equal(sent.model_item.direct, true);
    assert.equal(sent.model_item.urlIdx, 0);
    assert.equal(asked.at(-1).model, 'gpt-mine', 'the prefix is the browser\'s own, taken off before the endpoint');
    const run = suite.backend.state.directRuns.at(-1);
    assert.deepEqual(run.ack, { status: true });
    assert.equal(run.lines.length, 3, 'two chunks and [DONE], the cut one sent whole: ' + JSON.stringify(run.lines));
    await page.close();

    // once the admin turns it off again the tab is gone and the models are no longer listed
    suite.backend.state.connectionsConfig.ENABLE_DIRECT_CONNECTIONS = false;
    const again = await pageFor(suite.browser, suite.backend, suite.session);
    await again.getByRole('button', { name: 'Select a model' }).click();
    await again.getByRole('option').first().waitFor();
    assert.equal(await again.getByRole('option', { name: /gpt-mine/ }).count(), 0);
    await again.close();
  });
});
