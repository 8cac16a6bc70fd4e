// Browser tests of Admin › Web Search and Admin › Audio: the admin picks the engines, fills in their
// own fields, saves, and the stand-in keeps what the pages sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();

describe('admin engine settings', () => {
  test('Web Search: SearXNG with its query URL, switched on', async () => {
    suite.backend.state.retrieval.web = {
      ENABLE_WEB_SEARCH: false, WEB_SEARCH_ENGINE: '', SEARXNG_QUERY_URL: '', BRAVE_SEARCH_API_KEY: '',
      WEB_SEARCH_RESULT_COUNT: 3, WEB_SEARCH_DOMAIN_FILTER_LIST: [], PLAYWRIGHT_WS_URL: ''
    };
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.goto(`${suite.backend.url}/admin`);
    await page.getByRole('tab', { name: 'Web Search' }).click();
    await page.getByLabel('Web search', { exact: true }).check();
    await page.getByLabel('Web search engine').selectOption('searxng');
    await page.getByLabel('SearXNG query URL').fill('http://searxng:8080/search?q=<query>');
    await page.getByLabel('Search result count').fill('5');
    await page.getByRole('form', { name: 'Web Search' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('Web search settings saved').waitFor();
    assert.deepEqual(suite.backend.state.retrieval.web, {
      ENABLE_WEB_SEARCH: true, WEB_SEARCH_ENGINE: 'searxng', SEARXNG_QUERY_URL: 'http://searxng:8080/search?q=<query>',
      BRAVE_SEARCH_API_KEY: '', WEB_SEARCH_RESULT_COUNT: 5, WEB_SEARCH_DOMAIN_FILTER_LIST: []
    }, 'only the keys the page edits are sent');
    assert.equal(suite.backend.state.retrieval.CHUNK_SIZE, 1000);
    await page.close();
  });

  test('Audio: an OpenAI-compatible speech engine, then its model and voice offered', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.goto(`${suite.backend.url}/admin`);
    await page.getByRole('tab', { name: 'Audio' }).click();
    await page.getByLabel('Text-to-speech engine').selectOption('openai');
    await page.getByLabel('Text-to-speech API URL').fill('http://kokoro:8880/v1');
    await page.getByLabel('Speech-to-text engine').selectOption('openai');
    await page.getByLabel('Speech-to-text model').fill('whisper-1');
    await page.getByRole('form', { name: 'Audio' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('Audio settings saved').waitFor();
    const { tts, stt } = suite.backend.state.audio.config;
    assert.equal(tts.ENGINE, 'openai');
    assert.equal(tts.OPENAI_API_BASE_URL, 'http://kokoro:8880/v1');
    assert.equal(stt.ENGINE, 'openai');
    assert.equal(stt.MODEL, 'whisper-1');
    // the field gets its list only once the engine's voices have arrived
    const voices = async () => {
      const list = await page.getByLabel('Text-to-speech voice').getAttribute('list');
      return list ? page.locator(`datalist[id="${list}"] option`) : null;
    };
    await eventually(async () => (await (await voices())?.count()) === 1, 'the engine\'s voices offered');
    assert.equal(await (await voices()).getAttribute('value'), 'af_bella');
    await page.close();
  });
});
