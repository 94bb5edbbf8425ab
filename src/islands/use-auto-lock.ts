/**
 * Locks again after the chosen minutes without a key press, click or touch (the delay is chosen at
 * /tu-soi/ and applies on /chi-bo/ too). Subscribes once per source, lock state and settings change
 * (not on every render); the store tells the app it locked. Auto-lock locks this tab only.
 */
import { useEffect } from 'preact/hooks';

export interface AutoLockSource {
  lockNow(): void;
  /** The chosen delay in minutes (0: never). */
  autoLockMinutes(): Promise<number>;
}

export function useAutoLock(source: AutoLockSource | undefined, unlocked: boolean, settingsVersion = 0): void {
  useEffect(() => {
    if (!source || !unlocked) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let minutes = 0;
    let active = true;
    const arm = () => {
      clearTimeout(timer);
      if (minutes > 0 && active) timer = setTimeout(() => source.lockNow(), minutes * 60_000);
    };
    source.autoLockMinutes().then(
      (value) => {
        minutes = value;
        arm();
      },
      () => undefined,
    );
    const events = ['keydown', 'pointerdown', 'input'] as const;
    for (const name of events) addEventListener(name, arm, { passive: true });
    return () => {
      active = false;
      clearTimeout(timer);
      for (const name of events) removeEventListener(name, arm);
    };
  }, [source, unlocked, settingsVersion]);
}
