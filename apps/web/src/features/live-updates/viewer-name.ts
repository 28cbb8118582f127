// How this browser is shown to others in a plan until accounts exist: a name the planner may set,
// or a stable "Khách 1234" / "Guest 1234" chosen once and kept in localStorage.
import { readStoredLocale } from '../../i18n/locale';

const NAME_KEY = 'ntm.viewerName';
const GUEST_KEY = 'ntm.guestNumber';
const GUEST_WORD = { vi: 'Khách', en: 'Guest' } as const;

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function readViewerName(): string {
  const storage = safeStorage();
  try {
    const chosen = storage?.getItem(NAME_KEY)?.trim();
    if (chosen) return chosen;
    let guest = storage?.getItem(GUEST_KEY);
    if (!guest) {
      guest = String(1000 + Math.floor(Math.random() * 9000));
      storage?.setItem(GUEST_KEY, guest);
    }
    return `${GUEST_WORD[readStoredLocale()]} ${guest}`;
  } catch {
    return GUEST_WORD[readStoredLocale()];
  }
}
