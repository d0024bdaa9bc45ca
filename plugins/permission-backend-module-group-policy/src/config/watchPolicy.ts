import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { statSync } from 'node:fs';
import {
  readGroupPolicyConfig,
  type GroupPolicyConfig,
} from './readGroupPolicyConfig';

/** How often the policy file's modification time is checked. */
const FILE_POLL_MS = 2000;

/** Identity, size and modification time of a file (or "missing"); it changes with every edit or replace. */
function fileFingerprint(file: string): string {
  try {
    const stats = statSync(file, { bigint: true });
    return `${stats.ino}:${stats.size}:${stats.mtimeNs}`;
  } catch {
    return 'missing';
  }
}

/**
 * Re-reads the policy when the config changes or the policy file is edited.
 * A valid new policy goes to `apply`; an invalid one is logged and the last
 * good policy stays. Returns a function that stops watching.
 */
export function watchPolicy(options: {
  config: RootConfigService;
  logger: LoggerService;
  current: () => GroupPolicyConfig;
  apply: (next: GroupPolicyConfig) => void;
  /** How often the policy file is checked; default 2 seconds. */
  filePollMs?: number;
}): () => void {
  const { config, logger, current, apply } = options;
  const interval = options.filePollMs ?? FILE_POLL_MS;
  let watchedFile: string | undefined;

  const reload = (why: string) => {
    const previous = current();
    let next: GroupPolicyConfig;
    try {
      next = readGroupPolicyConfig(config);
    } catch (error) {
      logger.error(
        `Permission policy reload rejected (${why}); keeping version ${
          previous.version
        }: ${(error as Error).message}`,
      );
      return;
    }
    watch(next.file);
    if (next.version === previous.version) return;
    apply(next);
    logger.info(
      `Permission policy reloaded (${why}): version ${next.version}, ${next.roles.size} roles, ${next.bindings.length} bindings`,
    );
  };

  let timer: ReturnType<typeof setInterval> | undefined;
  function watch(file: string | undefined) {
    if (file === watchedFile) return;
    clearInterval(timer);
    timer = undefined;
    watchedFile = file;
    if (!file) return;
    // The baseline is taken now, synchronously: an edit made right after start-up is still seen.
    let seen = fileFingerprint(file);
    timer = setInterval(() => {
      const now = fileFingerprint(file);
      if (now === seen) return;
      seen = now;
      reload(`${file} changed`);
    }, interval);
    timer.unref();
  }

  watch(current().file);
  const subscription = config.subscribe?.(() =>
    reload('configuration changed'),
  );
  return () => {
    subscription?.unsubscribe();
    watch(undefined);
  };
}
