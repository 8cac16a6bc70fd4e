import { describe, expect, it } from 'vitest';
import { forCompletion, withSent, without } from '../src/lib/chat/chatFiles';

const doc = (id: string) => ({ type: 'file', id, name: `${id}.txt` });
const kb = { type: 'collection', id: 'kb', name: 'KB' };
const img = { type: 'image', url: 'data:image/png;base64,AA' };

describe("the chat's files", () => {
  it('keeps documents and knowledge bases sent in the chat, once each, never images', () => {
    let files = withSent([], [doc('a'), img, kb]);
    files = withSent(files, [doc('a'), doc('b')]);
    expect(files).toEqual([doc('a'), kb, doc('b')]);
  });

  it("sends the chat's files still in the branch plus the answered message's, pruning the others", () => {
    const { chatFiles, files } = forCompletion([doc('a'), doc('gone'), kb], [doc('a'), kb], [doc('c'), img]);
    expect(chatFiles).toEqual([doc('a'), kb]);
    expect(files).toEqual([doc('a'), kb, doc('c')]);
    expect(forCompletion([], [], []).files).toEqual([]);
  });

  it('removes one by position', () => {
    expect(without([doc('a'), doc('b'), doc('c')], 1)).toEqual([doc('a'), doc('c')]);
  });
});
