// Admin banners: shown above a new chat, dismissible ones remembered; the admin editor saves them.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
import type { Banner } from '../src/lib/api/banners';

const Banners = (await import('../src/components/Banners.svelte')).default;
const BannersEditor = (await import('../src/components/admin/BannersEditor.svelte')).default;
const { bannerState } = await import('../src/lib/banners.svelte');

let stored: Banner[];
let posted: unknown[];

beforeEach(() => {
  stored = [
    { id: 'b1', type: 'warning', content: 'Maintenance tonight', dismissible: true, timestamp: 1 },
    { id: 'b2', type: 'info', content: 'Read the **rules**', dismissible: false, timestamp: 2 }
  ];
  posted = [];
  bannerState.closed = [];
  bannerState.list = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if ((init.method ?? 'GET') === 'POST') {
      const body = JSON.parse(init.body as string);
      posted.push(body);
      stored = body.banners;
    }
    return new Response(JSON.stringify(url === '/api/v1/configs/banners' ? stored : {}), { status: 200 });
  }));
});

describe('banners', () => {
  it('shows the banners and remembers a dismissed one across visits', async () => {
    const first = render(Banners);
    expect(await screen.findByText('Maintenance tonight')).toBeTruthy();
    expect(screen.getByText('rules').tagName).toBe('STRONG');
    expect(screen.getAllByRole('button', { name: 'Dismiss banner' })).toHaveLength(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss banner' }));
    expect(screen.queryByText('Maintenance tonight')).toBeNull();
    expect(JSON.parse(localStorage.getItem('dismissedBannerIds')!)).toEqual(['b1']);
    first.unmount();
    bannerState.closed = [];
    render(Banners);
    expect(await screen.findByText('rules')).toBeTruthy();
    expect(screen.queryByText('Maintenance tonight')).toBeNull();
  });

  it('lets the admin add, change and remove banners and saves the list', async () => {
    render(BannersEditor);
    const contents = await screen.findAllByRole('textbox', { name: 'Banner content' });
    expect(contents.map((c) => (c as HTMLInputElement).value)).toEqual(['Maintenance tonight', 'Read the **rules**']);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove banner 1' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add banner' }));
    const fields = screen.getAllByRole('textbox', { name: 'Banner content' });
    await fireEvent.input(fields[1], { target: { value: 'New model available' } });
    await fireEvent.change(screen.getAllByRole('combobox', { name: 'Banner type' })[1], { target: { value: 'success' } });
    await fireEvent.click(screen.getAllByRole('checkbox', { name: 'Dismissible' })[1]);
    await fireEvent.click(screen.getByRole('button', { name: 'Save banners' }));
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    const sent = (posted[0] as { banners: Banner[] }).banners;
    expect(sent.map((b) => b.id)[0]).toBe('b2');
    expect(sent[1]).toMatchObject({ type: 'success', content: 'New model available', dismissible: false });
    expect(typeof sent[1].id).toBe('string');
    expect(sent).toHaveLength(2);
  });
});
