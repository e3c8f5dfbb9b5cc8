/**
 * Tells every hub instance that some cached entities changed upstream.
 *
 * `publish(refs)` deletes the entries from the shared store, tells this instance's listeners at
 * once, and broadcasts on a Redis pub/sub channel; every other subscribed instance tells its
 * listeners (the entity cache drops matching in-flight fetches so they are not written back;
 * other layers, such as the identity index, may react too). Redis pub/sub delivers in
 * milliseconds, well inside the one-second budget for an entry to be gone everywhere.
 *
 * Messages carry entity ids, so they are sealed like cache values (bound to the channel name):
 * nothing about a child is readable on the wire or by another Redis client.
 *
 * A fetch that started before the change can still finish after the delete and write the old
 * value back on an instance the message has not reached yet. To close that window the delete is
 * repeated once, `redeleteAfterMs` later (delayed double delete).
 *
 * Without Redis (memory store, single instance) publishing is local only.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Cluster } from 'ioredis';
import type { SystemName } from '../systems.ts';
import { SYSTEMS } from '../systems.ts';
import type { CacheStore, EntityRef } from './types.ts';
import type { Sealer } from './sealer.ts';
import type { EntityKeyer } from './keys.ts';
import type { RedisConnectionOptions } from './redisConnection.ts';
import { commonRedisOptions, maxReconnectDelayOf, reconnectDelay } from './redisConnection.ts';
import type { ClusterNode } from './redisClusterStore.ts';
import { createClusterClient } from './redisClusterStore.ts';
import { closeClient } from './redisStore.ts';

/** Where an invalidation came from: this instance's own `publish`, or another instance's. */
export type InvalidationOrigin = 'local' | 'remote';

export type InvalidationListener = (refs: readonly EntityRef[], origin: InvalidationOrigin) => void;

export interface InvalidationBus {
  /** Deletes the entries everywhere and tells every instance. Rejects if the store or broadcast failed. */
  publish(refs: readonly EntityRef[]): Promise<void>;
  /**
   * Tells every instance (this one included) that these entries were just rewritten in the shared
   * store: listeners drop what they hold of them, but nothing is deleted. Rejects if the broadcast failed.
   */
  announce(refs: readonly EntityRef[]): Promise<void>;
  /** Called for every invalidation, local or from another instance. Returns an unsubscribe function. */
  onInvalidate(listener: InvalidationListener): () => void;
  /**
   * Resolves once the channel subscription is active and the publishing connection is ready
   * (immediately without Redis). Publishing before then fails fast, like any cache command.
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface InvalidationBusOptions {
  channel: string;
  /** The shared store whose entries are deleted. */
  store: CacheStore;
  keyer: EntityKeyer;
  contractVersion: string;
  /** Seals messages; every instance must share its keys (they do: the same cache config). */
  sealer: Sealer;
  /** Standalone Redis for pub/sub. */
  redisUrl?: string;
  /** Or a Redis Cluster (classic PUBLISH reaches subscribers on every node). */
  cluster?: { nodes: readonly ClusterNode[] };
  /** Connection settings for the pub/sub clients (timeouts, reconnection). */
  connection?: Omit<RedisConnectionOptions, 'keyPrefix'>;
  /** When the delete is repeated; 0 disables the repeat. Default 2000 ms. */
  redeleteAfterMs?: number;
  /** Told when a delete or broadcast fails, or a message cannot be opened (no content in errors). */
  onError?: (error: Error) => void;
}

/** Wire shape, before sealing: origin instance and [system, resource, id] triples. */
interface Message {
  o: string;
  r: [string, string, string][];
}

export class InvalidationError extends Error {
  /** `cause` is the store's or Redis's own error (host and port at most, never cache content). */
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'InvalidationError';
  }
}

export function createInvalidationBus(options: InvalidationBusOptions): InvalidationBus {
  const { channel, store, keyer, contractVersion, sealer } = options;
  const redeleteAfterMs = options.redeleteAfterMs ?? 2000;
  const onError = options.onError ?? (() => {});
  const instanceId = randomUUID();
  const aad = `invalidate:${channel}`;
  const listeners = new Set<InvalidationListener>();
  const redeleteTimers = new Set<NodeJS.Timeout>();
  const pubsub = openPubSub(options);

  const notify = (refs: readonly EntityRef[], origin: InvalidationOrigin): void => {
    for (const listener of listeners) {
      try {
        listener(refs, origin);
      } catch (error) {
        onError(error instanceof Error ? error : new Error('invalidation listener failed'));
      }
    }
  };

  pubsub?.subscriber.on('messageBuffer', (from: Buffer, payload: Buffer) => {
    if (from.toString('utf8') !== channel) return;
    const refs = openMessage(sealer, aad, payload, instanceId);
    if (refs === 'unreadable') onError(new InvalidationError('an invalidation message could not be opened'));
    else if (refs) notify(refs, 'remote');
  });
  const subscribed = pubsub ? pubsub.subscriber.subscribe(channel).then(() => undefined) : Promise.resolve();
  // Start-up must not crash if Redis is not there yet: ioredis resubscribes when it connects.
  subscribed.catch(() => onError(new InvalidationError('invalidation channel subscription failed')));
  const publisherReady = pubsub ? untilReady(pubsub.publisher) : Promise.resolve();

  const scheduleRedelete = (keys: string[]): void => {
    if (redeleteAfterMs <= 0) return;
    const timer = setTimeout(() => {
      redeleteTimers.delete(timer);
      store.delete(keys).catch(() => onError(new InvalidationError('delayed cache delete failed')));
    }, redeleteAfterMs);
    timer.unref();
    redeleteTimers.add(timer);
  };

  return {
    async publish(refs) {
      if (refs.length === 0) return;
      notify(refs, 'local');
      const keys = refs.map((ref) => keyer.entityKey(ref, contractVersion));
      const failures: string[] = [];
      let cause: unknown;
      const deleting = store.delete(keys).catch((error: unknown) => {
        failures.push('delete');
        cause ??= error;
      });
      const broadcasting = pubsub
        ? pubsub.publisher
            .publish(channel, sealMessage(sealer, aad, instanceId, refs))
            .catch((error: unknown) => {
              failures.push('broadcast');
              cause ??= error;
            })
        : undefined;
      await Promise.all([deleting, broadcasting]);
      scheduleRedelete(keys);
      if (failures.length > 0) {
        const error = new InvalidationError(
          `cache invalidation incomplete: ${failures.join(' and ')} failed`,
          cause,
        );
        onError(error);
        throw error;
      }
    },

    async announce(refs) {
      if (refs.length === 0) return;
      notify(refs, 'local');
      if (!pubsub) return;
      try {
        await pubsub.publisher.publish(channel, sealMessage(sealer, aad, instanceId, refs));
      } catch (failure) {
        const error = new InvalidationError('cache rewrite announcement failed', failure);
        onError(error);
        throw error;
      }
    },

    onInvalidate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    ready: () => Promise.all([subscribed, publisherReady]).then(() => undefined),

    async close() {
      for (const timer of redeleteTimers) clearTimeout(timer);
      redeleteTimers.clear();
      listeners.clear();
      if (pubsub) await Promise.all([closeClient(pubsub.publisher), closeClient(pubsub.subscriber)]);
    },
  };
}

interface PubSub {
  publisher: Redis | Cluster;
  subscriber: Redis | Cluster;
}

function openPubSub(options: InvalidationBusOptions): PubSub | undefined {
  const connection = options.connection ?? {};
  if (options.cluster) {
    const clusterOptions = { ...connection, nodes: options.cluster.nodes };
    return {
      publisher: createClusterClient(clusterOptions),
      // The subscriber queues SUBSCRIBE until connected (and ioredis resubscribes on reconnect).
      subscriber: createClusterClient(clusterOptions, true),
    };
  }
  if (!options.redisUrl) return undefined;
  const maxDelay = maxReconnectDelayOf(connection);
  const base = {
    ...commonRedisOptions(connection),
    retryStrategy: (attempt: number) => reconnectDelay(attempt, maxDelay),
  };
  const publisher = new Redis(options.redisUrl, { ...base, enableOfflineQueue: false });
  // A subscribed connection runs no timed commands, so no command timeout: it just waits.
  const subscriber = new Redis(options.redisUrl, {
    ...base,
    commandTimeout: undefined,
    enableOfflineQueue: true,
    autoResubscribe: true,
  });
  for (const client of [publisher, subscriber]) {
    client.on('error', (error: Error) => connection.onConnectionError?.(error));
  }
  return { publisher, subscriber };
}

/** Resolves when the client is (or next becomes) ready; the publisher has no offline queue. */
function untilReady(client: Redis | Cluster): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => client.once('ready', () => resolve()));
}

function sealMessage(sealer: Sealer, aad: string, origin: string, refs: readonly EntityRef[]): Buffer {
  const message: Message = { o: origin, r: refs.map(({ system, resource, id }) => [system, resource, id]) };
  return sealer.seal(aad, Buffer.from(JSON.stringify(message), 'utf8'));
}

/** The refs in a message from another instance; undefined for our own echo. */
function openMessage(
  sealer: Sealer,
  aad: string,
  payload: Buffer,
  self: string,
): readonly EntityRef[] | undefined | 'unreadable' {
  const plain = sealer.open(aad, payload);
  if (typeof plain === 'string') return 'unreadable';
  try {
    const message = JSON.parse(plain.toString('utf8')) as Message;
    if (message.o === self) return undefined;
    if (!Array.isArray(message.r)) return 'unreadable';
    const refs: EntityRef[] = [];
    for (const triple of message.r) {
      const [system, resource, id] = triple;
      if (!isSystem(system) || typeof resource !== 'string' || typeof id !== 'string') return 'unreadable';
      refs.push({ system, resource, id });
    }
    return refs;
  } catch {
    return 'unreadable';
  }
}

function isSystem(value: unknown): value is SystemName {
  return (SYSTEMS as readonly unknown[]).includes(value);
}
