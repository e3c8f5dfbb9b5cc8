import { http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abortableDelay, onAbort, WaitAborted } from '../../../src/platform/upstream/abort.ts';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import { BASE_URL, testSettings } from './support.ts';

const server = setupUpstreamServer(
  http.get(`${BASE_URL}/persons/:id`, ({ params }) => HttpResponse.json({ id: params.id })),
);
beforeAll(() => server.listen());
afterAll(() => server.close());

describe('shared abort subscriptions', () => {
  it('notifies every current subscriber once, and none that unsubscribed', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    onAbort(controller.signal, () => calls.push('a'));
    const unsubscribe = onAbort(controller.signal, () => calls.push('b'));
    onAbort(controller.signal, () => calls.push('c'));
    unsubscribe();
    controller.abort();
    controller.abort();
    expect(calls).toEqual(['a', 'c']);
  });

  it('lets one request deadline signal serve many concurrent upstream calls without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const client = createUpstreamClient('lcs', testSettings({ maxConcurrency: 4 }));
    const deadline = new AbortController();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => client.get({ path: `/persons/${i}`, signal: deadline.signal })),
    );
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    client.close();
  });
});

describe('abortableDelay', () => {
  it('resolves after the delay when nothing aborts', async () => {
    await expect(abortableDelay(5, new AbortController().signal)).resolves.toBeUndefined();
  });

  it('rejects as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const waiting = abortableDelay(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(WaitAborted);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
