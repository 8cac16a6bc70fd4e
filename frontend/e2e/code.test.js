// Browser tests of code execution: the admin switches the Run button to Jupyter in Admin › Code
// Execution, a Python block of an answer runs on the server, the code interpreter's blocks show
// their code and output, and the composer's switch asks for the interpreter.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually, pageFor, standInSuite } from './support.js';

const suite = standInSuite();

async function ask(page, text) {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/c\/[0-9a-f-]{36}$/);
  await page.waitForSelector('[data-testid="assistant-message"][aria-busy="true"]', { state: 'detached', timeout: 15000 });
}

describe('code execution', () => {
  test('the admin turns on Jupyter execution and a Python block of an answer runs on the server', async () => {
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    await page.goto(`${suite.backend.url}/admin`);
    await page.getByRole('tab', { name: 'Code Execution' }).click();
    await page.getByLabel('Code execution engine').selectOption('jupyter');
    await page.getByLabel('Jupyter URL').first().fill('http://jupyter:8888');
    await page.getByLabel('Enable code interpreter').check();
    await page.getByRole('form', { name: 'Code Execution' }).getByRole('button', { name: 'Save' }).click();
    await eventually(() => suite.backend.state.codeExecution.CODE_EXECUTION_ENGINE === 'jupyter', 'the engine to be saved');
    assert.equal(suite.backend.state.codeExecution.CODE_EXECUTION_JUPYTER_URL, 'http://jupyter:8888');

    await page.goto(suite.backend.url);
    await ask(page, 'show me a greeting');
    const answer = page.getByTestId('assistant-message').last();
    await answer.getByRole('button', { name: 'Run' }).click();
    await answer.getByTestId('code-output').waitFor();
    assert.equal(suite.backend.state.executed.at(-1), 'def greet(name):\n    return f"Hello, {name}!"');
    assert.equal(await answer.getByTestId('code-output').innerText(), 'No output');
    await page.close();
  });

  test('the interpreter switch goes with the message and its blocks show code and output', async () => {
    suite.backend.state.codeExecution.ENABLE_CODE_INTERPRETER = true;
    const page = await pageFor(suite.browser, suite.backend, suite.session);
    const toggle = page.getByRole('button', { name: 'Code interpreter' });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await ask(page, 'use the interpreter for a sum');
    assert.equal(suite.backend.state.lastCompletion.features.code_interpreter, true);
    const block = page.getByTestId('assistant-message').last().getByTestId('code-interpreter');
    await block.locator('summary').click();
    assert.equal(await block.locator('summary').innerText(), 'Analyzed');
    assert.equal(await block.locator('code').innerText(), 'print(sum(range(10)))');
    assert.equal(await block.getByLabel('Output').innerText(), '45');
    await page.close();
  });
});
