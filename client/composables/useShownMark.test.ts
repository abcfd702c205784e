import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useShownMark } from './useShownMark.ts';

const frames: FrameRequestCallback[] = [];
const marks = () => performance.getEntriesByName('malbild:shown:test', 'mark').length;
const paint = async () => {
  for (const frame of frames.splice(0)) frame(performance.now());
  await new Promise((resolve) => setTimeout(resolve));
};

describe('useShownMark', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    performance.clearMarks();
  });

  it('marks the screen once, after the frame that shows the data, and again when it is shown anew', async () => {
    vi.stubGlobal('requestAnimationFrame', (frame: FrameRequestCallback) => frames.push(frame));
    const ready = ref(false);
    const scope = effectScope();
    scope.run(() => useShownMark('test', ready));
    await nextTick();
    await paint();
    expect(marks()).toBe(0);

    ready.value = true;
    await nextTick();
    expect(marks()).toBe(0);
    await paint();
    expect(marks()).toBe(1);

    ready.value = false;
    await nextTick();
    ready.value = true;
    await nextTick();
    await paint();
    expect(marks()).toBe(2);
    scope.stop();
  });
});
