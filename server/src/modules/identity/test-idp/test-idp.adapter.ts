import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * An in-memory storage adapter for oidc-provider, one store per provider. The test identity
 * provider's state (interactions, sessions, codes, tokens) lives only minutes, so a restart that
 * forgets it is acceptable. Bounded: the oldest entries are dropped past MAX_ENTRIES.
 */
export function createMemoryAdapter(): (model: string) => Adapter {
  const store = new Map<string, Entry>();
  const now = () => Date.now();

  const read = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const write = (key: string, payload: AdapterPayload, expiresIn: number | undefined) => {
    store.delete(key);
    store.set(key, {
      payload,
      expiresAt: expiresIn === undefined ? Number.POSITIVE_INFINITY : now() + expiresIn * 1000,
    });
    while (store.size > MAX_ENTRIES) {
      const oldest = store.keys().next().value;
      if (oldest === undefined) break;
      store.delete(oldest);
    }
  };

  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        write(key(id), payload, expiresIn);
        if (model === 'Session' && typeof payload.uid === 'string') {
          write(`SessionUid:${payload.uid}`, { id }, expiresIn);
        }
        if (typeof payload.userCode === 'string') {
          write(`UserCode:${payload.userCode}`, { id }, expiresIn);
        }
      },
      async find(id) {
        return read(key(id));
      },
      async findByUid(uid) {
        const pointer = read(`SessionUid:${uid}`);
        return typeof pointer?.id === 'string' ? read(key(pointer.id)) : undefined;
      },
      async findByUserCode(userCode) {
        const pointer = read(`UserCode:${userCode}`);
        return typeof pointer?.id === 'string' ? read(key(pointer.id)) : undefined;
      },
      async consume(id) {
        const payload = read(key(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const [entryKey, entry] of store) {
          if (entry.payload.grantId === grantId) store.delete(entryKey);
        }
      },
    };
  };
}
