// The sidebar's channels (/api/v1/channels), shared with the channel view (rename/delete refresh it).
import { channels as api, type Channel } from '../api/channels';
import { session } from '../session.svelte';
import { authPayload, emitSocket } from '../socket';

export const channelList = $state({ items: [] as Channel[] });

export const channelsEnabled = () => !!session.config?.features?.enable_channels;

export async function refreshChannels(): Promise<void> {
  if (!channelsEnabled()) return;
  channelList.items = await api.list();
  emitSocket('join-channels', { auth: authPayload() });
}
